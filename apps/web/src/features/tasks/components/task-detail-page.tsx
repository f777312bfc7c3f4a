/**
 * `/tasks/:taskId`: one Mesos task — state and status history, health, agent (linked to its
 * node), ports, resources, framework/service, container and command, sandbox files, and links
 * to the log viewer. Re-read every few seconds so a task that is killed or fails shows it.
 */
import { Link, useParams } from 'react-router'
import type { TaskDetailView } from '@meridian/api'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { formatAge, formatTimestamp } from '#shared/format/time.ts'
import { taskLogsPath } from '#shared/routes/task-paths.ts'
import { Card } from '#shared/ui/card.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { TaskStateBadge } from '#shared/ui/task-state-badge.tsx'
import { useTask } from '../api/get-task.ts'
import { SandboxFiles } from './sandbox-files.tsx'
import { TaskStatusHistory } from './task-status-history.tsx'


function Placement({ t }: { t: TaskDetailView }) {
  return (
    <dl className="kv">
      <dt>Node</dt>
      <dd>
        <Link to={`/nodes/${encodeURIComponent(t.agentId)}`}>{t.host ?? t.agentId}</Link>
      </dd>
      <dt>Framework</dt>
      <dd>{t.frameworkName ?? <span className="mono small">{t.frameworkId}</span>}</dd>
      {t.serviceId && (
        <>
          <dt>Service</dt>
          <dd>
            <Link to={`/services/detail${t.serviceId}`}>{t.serviceId}</Link>
          </dd>
        </>
      )}
      <dt>IP addresses</dt>
      <dd className="mono">{t.ipAddresses.join(', ') || '—'}</dd>
      <dt>Ports</dt>
      <dd className="mono">{t.ports.map((p) => (p.name ? `${p.name} ${p.number}/${p.protocol}` : `${p.number}/${p.protocol}`)).join(', ') || '—'}</dd>
      <dt>Started</dt>
      <dd title={t.startedAt ? formatTimestamp(t.startedAt) : undefined}>{t.startedAt ? `${formatAge(t.startedAt)} ago` : '—'}</dd>
      <dt>Executor</dt>
      <dd className="mono small">{t.executorId ?? '—'}</dd>
    </dl>
  )
}

function Runtime({ t }: { t: TaskDetailView }) {
  return (
    <dl className="kv">
      <dt>CPU</dt>
      <dd>{formatCpus(t.resources.cpus)}</dd>
      <dt>Memory</dt>
      <dd>{formatMiB(t.resources.mem)}</dd>
      <dt>Disk</dt>
      <dd>{formatMiB(t.resources.disk)}</dd>
      {t.resources.gpus > 0 && (
        <>
          <dt>GPUs</dt>
          <dd>{t.resources.gpus}</dd>
        </>
      )}
      <dt>Container</dt>
      <dd>{t.container ? `${t.container.type}${t.container.image ? ` · ${t.container.image}` : ''}` : 'Mesos (no image)'}</dd>
      <dt>Command</dt>
      <dd>{t.command ? <code className="mono small">{t.command}</code> : '—'}</dd>
      <dt>Health check</dt>
      <dd>{t.healthCheck ? `${t.healthCheck.type}${t.healthCheck.target ? ` ${t.healthCheck.target}` : ''}${t.healthCheck.intervalSeconds ? ` every ${t.healthCheck.intervalSeconds}s` : ''}` : 'None'}</dd>
    </dl>
  )
}

export function TaskDetailPage() {
  const { taskId = '' } = useParams()
  const q = useTask(taskId)
  if (q.isPending) return <LoadingState label="Loading task…" />
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} back={{ to: '/services', label: 'All services' }} />
  const t = q.data
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        {t.serviceId ? <Link to={`/services/detail${t.serviceId}`}>{t.serviceId}</Link> : <Link to={`/nodes/${encodeURIComponent(t.agentId)}`}>{t.host ?? t.agentId}</Link>} / Tasks / {t.name}
      </nav>
      <PageHeader
        docTitle={`${t.name} · Tasks`}
        title={
          <span className="row">
            {t.name} <TaskStateBadge state={t.state} />
            {t.healthy !== null && <StatusBadge tone={t.healthy ? 'ok' : 'danger'}>{t.healthy ? 'Healthy' : 'Unhealthy'}</StatusBadge>}
          </span>
        }
        subtitle={<span className="mono small">{t.id}</span>}
        actions={
          <>
            <Link className="btn btn-secondary btn-md" to={taskLogsPath(t.id)}>
              Logs (stdout)
            </Link>
            <Link className="btn btn-secondary btn-md" to={taskLogsPath(t.id, 'stderr')}>
              stderr
            </Link>
          </>
        }
      />
      <div className="two-col" style={{ marginBottom: 16 }}>
        <Card title="Placement">
          <Placement t={t} />
        </Card>
        <Card title="Resources and runtime">
          <Runtime t={t} />
        </Card>
      </div>
      <div className="two-col">
        <Card title="Status history">
          <TaskStatusHistory statuses={t.statuses} />
        </Card>
        <Card title="Sandbox">
          <SandboxFiles taskId={t.id} sandbox={t.sandbox} />
          {t.labels.length > 0 && (
            <>
              <h3 className="card-title" style={{ marginTop: 16 }}>
                Labels
              </h3>
              <dl className="kv">
                {t.labels.map((l) => (
                  <LabelKv key={l.key} k={l.key} v={l.value} />
                ))}
              </dl>
            </>
          )}
        </Card>
      </div>
    </>
  )
}

function LabelKv({ k, v }: { k: string; v: string }) {
  return (
    <>
      <dt className="mono small">{k}</dt>
      <dd className="mono small" style={{ wordBreak: 'break-all' }}>
        {v}
      </dd>
    </>
  )
}
