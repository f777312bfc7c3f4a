/**
 * Pods of a DC/OS SDK service (Kafka brokers, Cassandra nodes): each pod instance with its tasks'
 * state, health, host and resources, and the scheduler's restart/replace commands behind a
 * confirmation (replace drops the pod's persistent volumes, so it asks for the pod name).
 */
import { useState } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import type { PodAction, PodView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { formatAge } from '#shared/format/time.ts'
import { taskLogsPath, taskPath } from '#shared/routes/task-paths.ts'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { TaskStateBadge } from '#shared/ui/task-state-badge.tsx'
import { servicePodsQueryOptions } from '../api/get-service-pods.ts'
import { POD_ACTION_LABEL, usePodCommand } from '../api/pod-command.ts'
import { TableHead } from '#shared/ui/table-head.tsx'

const EXPLAIN: Record<PodAction, string> = {
  restart: 'The scheduler kills the pod’s tasks and relaunches them on the same agent, keeping its reserved resources and persistent volumes.',
  replace: 'The scheduler kills the pod’s tasks, releases its reservations and persistent volumes, and launches it again on any suitable agent. Data on its volumes is lost.',
}

function PodRows({ pod, onAction, canWrite }: { pod: PodView; onAction: (a: PodAction) => void; canWrite: boolean }) {
  const rows = pod.tasks.length > 0 ? pod.tasks : [null]
  return (
    <tbody aria-label={pod.name}>
      {rows.map((t, i) => (
        <tr key={t?.name ?? 'none'} aria-label={t?.name ?? pod.name}>
          {i === 0 && (
            <th scope="rowgroup" rowSpan={rows.length} style={{ verticalAlign: 'top' }}>
              <div style={{ fontWeight: 600 }}>{pod.name}</div>
              <div className="faint small">{pod.type}</div>
              {canWrite && (
                <div className="row" style={{ marginTop: 6, gap: 4 }}>
                  <Button size="sm" onClick={() => onAction('restart')} aria-label={`Restart ${pod.name}`}>
                    Restart
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => onAction('replace')} aria-label={`Replace ${pod.name}`}>
                    Replace
                  </Button>
                </div>
              )}
            </th>
          )}
          {t ? (
            <>
              <td>
                {t.id ? (
                  <Link to={taskPath(t.id)} aria-label={`Details of ${t.name}`}>
                    {t.name}
                  </Link>
                ) : (
                  t.name
                )}
              </td>
              <td>{t.state ? <TaskStateBadge state={t.state} /> : <span className="faint">not launched</span>}</td>
              <td>{t.healthy === null ? <span className="faint">—</span> : <StatusBadge tone={t.healthy ? 'ok' : 'danger'}>{t.healthy ? 'Healthy' : 'Unhealthy'}</StatusBadge>}</td>
              <td>{t.agentId ? <Link to={`/nodes/${encodeURIComponent(t.agentId)}`}>{t.host ?? t.agentId}</Link> : '—'}</td>
              <td className="num">{formatCpus(t.resources.cpus)}</td>
              <td className="num">{formatMiB(t.resources.mem)}</td>
              <td className="num">{formatMiB(t.resources.disk)}</td>
              <td className="muted nowrap">{t.updatedAt ? `${formatAge(t.updatedAt)} ago` : '—'}</td>
              <td>
                {t.id && (
                  <Link to={taskLogsPath(t.id)} aria-label={`Logs of ${t.name}`}>
                    Logs
                  </Link>
                )}
              </td>
            </>
          ) : (
            <td colSpan={9} className="muted">
              No tasks launched yet.
            </td>
          )}
        </tr>
      ))}
    </tbody>
  )
}

export function PodsTab({ serviceId }: { serviceId: string }) {
  const q = useQuery(servicePodsQueryOptions(useApiClient(), serviceId))
  const canWrite = useCan('services:write')
  const cmd = usePodCommand(serviceId)
  const [pending, setPending] = useState<{ pod: string; action: PodAction } | null>(null)
  if (q.isPending) return <LoadingState label="Loading pods…" />
  // Right after an install (or while it restarts) the scheduler does not answer yet: not an error to
  // act on, as long as it has never answered. Once pods were shown, a failed re-read keeps them.
  if (q.error && !q.data && (q.error.kind === 'NotFound' || q.error.kind === 'UpstreamUnavailable')) {
    return (
      <EmptyState title="Waiting for the scheduler" action={<Button onClick={() => void q.refetch()}>Check now</Button>}>
        The service&apos;s scheduler is not answering yet ({q.error.message}). It answers once it has started; this tab checks again every 5 seconds.
      </EmptyState>
    )
  }
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />
  if (q.data.pods.length === 0) return <EmptyState title="No pods yet">The scheduler creates its pods as its deploy plan runs.</EmptyState>
  return (
    <>
      <table className="tbl" aria-label="Pods">
        <TableHead columns={['Pod', 'Task', 'State', 'Health', 'Host', { label: 'CPU', numeric: true }, { label: 'Memory', numeric: true }, { label: 'Disk', numeric: true }, 'Updated', { label: 'Logs', hidden: true }]} />
        {q.data.pods.map((p) => (
          <PodRows key={p.name} pod={p} canWrite={canWrite} onAction={(action) => setPending({ pod: p.name, action })} />
        ))}
      </table>
      {pending && (
        <ConfirmDialog
          title={`${POD_ACTION_LABEL[pending.action]} ${pending.pod}?`}
          confirmLabel={`${POD_ACTION_LABEL[pending.action]} pod`}
          tone={pending.action === 'replace' ? 'danger' : 'primary'}
          {...(pending.action === 'replace' ? { typeToConfirm: pending.pod } : {})}
          pending={cmd.isPending}
          onCancel={() => setPending(null)}
          onConfirm={() => cmd.mutate(pending, { onSettled: () => setPending(null) })}
        >
          {EXPLAIN[pending.action]}
        </ConfirmDialog>
      )}
    </>
  )
}
