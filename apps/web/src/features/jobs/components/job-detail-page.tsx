import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { formatAge, formatDuration, formatTimestamp } from '#shared/format/time.ts'
import { taskLogsPath, taskPath } from '#shared/routes/task-paths.ts'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Card } from '#shared/ui/card.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { jobQueryOptions } from '../api/get-jobs.ts'
import { useJobCommand } from '../api/job-mutations.ts'
import { describeCron } from '../model/cron-schedule.ts'
import { toJobSpecInput, type JobSpec } from '../model/job-spec-form.ts'
import { JOB_STATUS_TONE } from '../model/job-status.ts'
import { JobEditor } from './job-editor.tsx'
import { TableHead } from '#shared/ui/table-head.tsx'

export function JobDetailPage() {
  const { id = '' } = useParams()
  const q = useQuery(jobQueryOptions(useApiClient(), id))
  const canWrite = useCan('jobs:write')
  const cmd = useJobCommand(id)
  const navigate = useNavigate()
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  if (q.isPending) return <LoadingState label="Loading job…" />
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} back={{ to: '/jobs', label: 'All jobs' }} />
  const j = q.data
  const cron = j.schedule ? describeCron(j.schedule.cron) : null
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/jobs">Jobs</Link> / {j.id}
      </nav>
      <PageHeader
        docTitle={`${j.id} · Jobs`}
        title={
          <span className="row">
            {j.id} <StatusBadge tone={JOB_STATUS_TONE[j.status]}>{j.status}</StatusBadge>
          </span>
        }
        subtitle={j.description ?? undefined}
        actions={
          canWrite && (
            <>
              <Button variant="primary" onClick={() => cmd.mutate({ kind: 'run' })} disabled={cmd.isPending}>
                Run now
              </Button>
              <Button
                onClick={() => {
                  cmd.reset() // not a failed "Run now" inside the editor
                  setDialog('edit')
                }}
              >
                Edit
              </Button>
              <Button variant="danger" onClick={() => setDialog('delete')}>
                Delete
              </Button>
            </>
          )
        }
      />
      <div className="two-col" style={{ marginBottom: 16 }}>
        <Card title="Run">
          <dl className="kv">
            <dt>Command</dt>
            <dd className="mono">{j.cmd ?? '—'}</dd>
            <dt>Image</dt>
            <dd className="mono">{j.image ?? '—'}</dd>
            <dt>Resources</dt>
            <dd>
              {formatCpus(j.resources.cpus)} CPU · {formatMiB(j.resources.mem)}
            </dd>
            <dt>Schedule</dt>
            <dd>{j.schedule ? `${j.schedule.cron} — ${cron?.ok ? cron.description : 'invalid'} (${j.schedule.timezone})` : 'On demand'}</dd>
            {j.schedule?.nextRunAt && (
              <>
                <dt>Next run</dt>
                <dd>{formatTimestamp(j.schedule.nextRunAt)}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title="Active runs">
          {j.activeRuns.length === 0 ? (
            <p className="muted">Nothing running.</p>
          ) : (
            <ul className="plain-list stack" style={{ gap: 8 }}>
              {j.activeRuns.map((r) => (
                <li key={r.id} className="row" aria-label={`Run ${r.id}`}>
                  <span className="spinner" aria-hidden="true" />
                  <span className="grow">
                    <span className="mono small">{r.id}</span> · {r.status.toLowerCase()} · started {formatAge(r.createdAt)} ago
                    {r.tasks.map((t) => (
                      <span key={t.id} className="small">
                        {' · '}
                        <Link to={taskPath(t.id)} aria-label={`Task ${t.id}`}>
                          task
                        </Link>{' '}
                        <Link to={taskLogsPath(t.id)} aria-label={`Logs of ${t.id}`}>
                          logs
                        </Link>
                      </span>
                    ))}
                  </span>
                  {canWrite && (
                    <Button size="sm" onClick={() => cmd.mutate({ kind: 'stop', runId: r.id })} aria-label={`Stop run ${r.id}`}>
                      Stop
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <section className="card" aria-labelledby="job-history-h">
        <h2 id="job-history-h" className="card-title card-pad" style={{ marginBottom: 0 }}>
          History
        </h2>
        {j.finishedRuns.length === 0 ? (
          <EmptyState title="No finished runs yet" />
        ) : (
          <table className="tbl" aria-label="Run history">
            <TableHead columns={['Run', 'Outcome', 'Started', { label: 'Duration', numeric: true }, 'Tasks']} />
            <tbody>
              {j.finishedRuns.map((r) => (
                <tr key={r.id} aria-label={`Run ${r.id}`}>
                  <td className="mono small">{r.id}</td>
                  <td>
                    <StatusBadge tone={r.status === 'SUCCESS' ? 'ok' : 'danger'}>{r.status === 'SUCCESS' ? 'Succeeded' : 'Failed'}</StatusBadge>
                  </td>
                  <td>{formatTimestamp(r.createdAt)}</td>
                  <td className="num">{r.durationSeconds === null ? '—' : formatDuration(r.durationSeconds * 1000)}</td>
                  <td className="small">
                    {r.tasks.length === 0
                      ? '—'
                      : r.tasks.map((id, i) => (
                          <span key={id}>
                            {i > 0 && ' · '}
                            <Link to={taskPath(id)} aria-label={`Task ${id}`}>
                              task
                            </Link>{' '}
                            <Link to={taskLogsPath(id)} aria-label={`Logs of ${id}`}>
                              logs
                            </Link>
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {dialog === 'edit' && (
        <JobEditor
          title={`Edit ${j.id}`}
          initial={j.definition as JobSpec}
          idLocked
          pending={cmd.isPending}
          serverErrors={cmd.error?.details ?? {}}
          serverMessage={cmd.error?.message}
          onClose={() => setDialog(null)}
          onSubmit={(spec) => cmd.mutate({ kind: 'update', spec: toJobSpecInput(spec) }, { onSuccess: () => setDialog(null) })}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${j.id}?`}
          confirmLabel="Delete job"
          typeToConfirm={j.id}
          pending={cmd.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={() => cmd.mutate({ kind: 'delete' }, { onSuccess: () => void navigate('/jobs'), onSettled: () => setDialog(null) })}
        >
          Active runs are stopped and the job with its schedule and history is removed.
        </ConfirmDialog>
      )}
    </>
  )
}
