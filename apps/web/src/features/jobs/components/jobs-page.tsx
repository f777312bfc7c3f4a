import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { JOB_STATUSES, type JobView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { formatAge } from '#shared/format/time.ts'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { jobsQueryOptions } from '../api/get-jobs.ts'
import { useJobCommand } from '../api/job-mutations.ts'
import { describeCron } from '../model/cron-schedule.ts'
import { NEW_JOB, toJobSpecInput } from '../model/job-spec-form.ts'
import { JOB_STATUS_TONE } from '../model/job-status.ts'
import { JobEditor } from './job-editor.tsx'
import { TableHead } from '#shared/ui/table-head.tsx'

function RunNow({ job }: { job: JobView }) {
  const cmd = useJobCommand(job.id)
  return (
    <Button size="sm" onClick={() => cmd.mutate({ kind: 'run' })} disabled={cmd.isPending} aria-label={`Run ${job.id} now`}>
      Run now
    </Button>
  )
}

export function JobsPage() {
  const q = useQuery(jobsQueryOptions(useApiClient()))
  const canWrite = useCan('jobs:write')
  const create = useJobCommand('new job')
  const [creating, setCreating] = useState(false)
  const [search, setSearch] = useUrlParam('q')
  const [status, setStatus] = useUrlParam('status')
  const jobs = useMemo(
    () => (q.data?.jobs ?? []).filter((j) => (!search || j.id.includes(search.toLowerCase())) && (!status || j.status === status)),
    [q.data, search, status],
  )
  return (
    <>
      <PageHeader
        title="Jobs"
        subtitle="Metronome jobs: one-off and scheduled batch work"
        actions={
          canWrite && (
            <Button
              variant="primary"
              onClick={() => {
                create.reset() // a new dialog shows only its own attempt's outcome
                setCreating(true)
              }}
            >
              Create job
            </Button>
          )
        }
      />
      <div className="toolbar" role="search" aria-label="Filter jobs">
        <label className="search-box">
          <Icon name="search" size={15} />
          <span className="sr-only">Search jobs</span>
          <input type="search" placeholder="Job id" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <select className="select" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All statuses</option>
          {JOB_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      {q.isPending ? (
        <LoadingState label="Loading jobs…" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : jobs.length === 0 ? (
        <EmptyState title={search || status ? 'No jobs match' : 'No jobs yet'}>{search || status ? 'Change the filters to see more.' : 'Create a job to run batch work once or on a schedule.'}</EmptyState>
      ) : (
        <div className="card">
          <table className="tbl" aria-label="Jobs">
            <TableHead columns={['Job', 'Status', 'Schedule', 'Last run', { label: 'Success / failure', numeric: true }, { label: 'Actions', hidden: true }]} />
            <tbody>
              {jobs.map((j) => {
                const cron = j.schedule ? describeCron(j.schedule.cron) : null
                return (
                  <tr key={j.id} aria-label={j.id}>
                    <td>
                      <Link className="strong-link" to={`/jobs/${encodeURIComponent(j.id)}`}>
                        {j.id}
                      </Link>
                      {j.description && <div className="faint small">{j.description}</div>}
                    </td>
                    <td>
                      <StatusBadge tone={JOB_STATUS_TONE[j.status]}>{j.status}</StatusBadge>
                    </td>
                    <td>
                      {j.schedule ? (
                        <>
                          <code>{j.schedule.cron}</code>
                          <div className="faint small">{cron?.ok ? cron.description : ''}{j.schedule.enabled ? '' : ' (disabled)'}</div>
                        </>
                      ) : (
                        <span className="faint">On demand</span>
                      )}
                    </td>
                    <td>{j.lastRun ? <StatusBadge tone={j.lastRun.status === 'SUCCESS' ? 'ok' : 'danger'}>{`${j.lastRun.status === 'SUCCESS' ? 'Succeeded' : 'Failed'} ${formatAge(j.lastRun.finishedAt)} ago`}</StatusBadge> : <span className="faint">Never</span>}</td>
                    <td className="num">
                      {j.history.successCount} / {j.history.failureCount}
                    </td>
                    <td>{canWrite && <RunNow job={j} />}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <JobEditor
          title="Create job"
          initial={NEW_JOB}
          pending={create.isPending}
          serverErrors={create.error?.details ?? {}}
          serverMessage={create.error?.message}
          onClose={() => setCreating(false)}
          onSubmit={(spec) => create.mutate({ kind: 'create', spec: toJobSpecInput(spec) }, { onSuccess: () => setCreating(false) })}
        />
      )}
    </>
  )
}
