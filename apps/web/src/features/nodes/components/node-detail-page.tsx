import { Link, useParams } from 'react-router'
import type { NodeTaskView } from '@meridian/api'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { formatAge, formatTimestamp } from '#shared/format/time.ts'
import { taskLogsPath, taskPath } from '#shared/routes/task-paths.ts'
import { Card } from '#shared/ui/card.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { ErrorState, LoadingState, EmptyState } from '#shared/ui/state-views.tsx'
import { TaskStateBadge } from '#shared/ui/task-state-badge.tsx'
import { UrlTabs } from '#shared/ui/tabs.tsx'
import { UtilizationBar } from '#shared/ui/utilization-bar.tsx'
import { useNode } from '../api/get-node.ts'
import { MAINTENANCE_LABEL } from '../model/node-health.ts'
import { splitNodeTasks } from '../model/split-node-tasks.ts'
import { NodeActions } from './node-actions.tsx'
import { NodeHealthBadge } from './node-health-badge.tsx'
import { TableHead } from '#shared/ui/table-head.tsx'

function NodeTasks({ tasks, label, empty }: { tasks: NodeTaskView[]; label: string; empty: string }) {
  if (tasks.length === 0) return <EmptyState title={empty} />
  return (
    <table className="tbl" aria-label={label}>
      <TableHead columns={['Task', 'Framework', 'State', { label: 'CPU', numeric: true }, { label: 'Memory', numeric: true }, 'Updated', { label: 'Logs', hidden: true }]} />
      <tbody>
        {tasks.map((t) => (
          <tr key={t.id} aria-label={t.id}>
            <td>
              <Link to={taskPath(t.id)} style={{ fontWeight: 600 }} aria-label={`Details of ${t.name}`}>
                {t.name}
              </Link>
              <div className="faint mono small">{t.id}</div>
            </td>
            <td className="muted">{t.frameworkName ?? t.frameworkId}</td>
            <td>
              <TaskStateBadge state={t.state} />
              {t.healthy === false && <span className="small" style={{ color: 'var(--danger)' }}> unhealthy</span>}
            </td>
            <td className="num">{formatCpus(t.resources.cpus)}</td>
            <td className="num">{formatMiB(t.resources.mem)}</td>
            <td className="muted" title={t.updatedAt ? formatTimestamp(t.updatedAt) : undefined}>
              {t.updatedAt ? `${formatAge(t.updatedAt)} ago` : '—'}
            </td>
            <td>
              <Link to={taskLogsPath(t.id)} aria-label={`Logs of ${t.name}`}>
                Logs
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function NodeDetailPage() {
  const { id = '' } = useParams()
  const q = useNode(id)
  if (q.isPending) return <LoadingState label="Loading node…" />
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} back={{ to: '/nodes', label: 'All nodes' }} />
  const n = q.data
  const tasks = splitNodeTasks(n.tasks)
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/nodes">Nodes</Link> / {n.hostname}
      </nav>
      <PageHeader
        docTitle={`${n.hostname} · Nodes`}
        title={
          <span className="row">
            {n.hostname} <NodeHealthBadge health={n.health} />
          </span>
        }
        subtitle={<span className="mono">{n.id}</span>}
        actions={<NodeActions node={n} />}
      />
      <div className="two-col" style={{ marginBottom: 16 }}>
        <Card title="Resources allocated">
          <div className="stack" style={{ gap: 12 }}>
            {(['cpus', 'mem', 'disk', 'gpus'] as const).map((k) => (
              <UtilizationBar key={k} kind={k} used={n.allocated[k]} total={n.total[k]} />
            ))}
          </div>
        </Card>
        <Card title="Details">
          <dl className="kv">
            <dt>IP</dt>
            <dd className="mono">{n.ip ?? '—'}</dd>
            <dt>Region / zone</dt>
            <dd>
              {n.region ?? '—'} / {n.zone ?? '—'}
            </dd>
            <dt>Type</dt>
            <dd>{n.public ? 'Public agent' : 'Private agent'}</dd>
            <dt>Maintenance</dt>
            <dd>{MAINTENANCE_LABEL[n.maintenance]}</dd>
            <dt>Registered</dt>
            <dd>{formatTimestamp(n.registeredAt ?? undefined)}</dd>
            <dt>Mesos version</dt>
            <dd>{n.version}</dd>
            {Object.entries(n.attributes).map(([k, v]) => (
              <FragmentKv key={k} k={k} v={String(v)} />
            ))}
          </dl>
        </Card>
      </div>
      <section className="card card-pad" aria-labelledby="tasks-title">
        <h2 id="tasks-title" className="card-title" style={{ marginBottom: 0 }}>
          Tasks {n.moreTasks > 0 && <span className="faint">(+{n.moreTasks} older not shown)</span>}
        </h2>
        <UrlTabs
          label="Tasks on this node"
          param="tasks"
          tabs={[
            { id: 'active', label: `Active (${tasks.active.length})`, content: () => <NodeTasks tasks={tasks.active} label="Active tasks" empty="No active tasks on this node" /> },
            { id: 'completed', label: `Completed (${tasks.completed.length})`, content: () => <NodeTasks tasks={tasks.completed} label="Completed tasks" empty="No recently completed tasks" /> },
          ]}
        />
      </section>
    </>
  )
}

function FragmentKv({ k, v }: { k: string; v: string }) {
  return (
    <>
      <dt>{k}</dt>
      <dd className="mono">{v}</dd>
    </>
  )
}
