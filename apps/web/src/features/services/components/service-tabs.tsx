import { Link } from 'react-router'
import type { ServiceDetailView } from '@meridian/api'
import { formatAge } from '#shared/format/time.ts'
import { taskLogsPath, taskPath } from '#shared/routes/task-paths.ts'
import { Card } from '#shared/ui/card.tsx'
import { EmptyState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { TaskStateBadge } from '#shared/ui/task-state-badge.tsx'
import { TableHead } from '#shared/ui/table-head.tsx'

export function TasksTab({ s }: { s: ServiceDetailView }) {
  if (s.taskList.length === 0) return <EmptyState title="No tasks running">{s.instances === 0 ? 'The service is suspended.' : 'Tasks appear once Marathon launches them.'}</EmptyState>
  return (
    <table className="tbl" aria-label="Tasks">
      <TableHead columns={['Task', 'State', 'Health', 'Host', 'Ports', 'Age', 'Version', { label: 'Logs', hidden: true }]} />
      <tbody>
        {s.taskList.map((t) => (
          <tr key={t.id} aria-label={t.id}>
            <td className="mono small">
              <Link to={taskPath(t.id)} aria-label={`Details of ${t.id}`}>
                {t.id}
              </Link>
            </td>
            <td>
              <TaskStateBadge state={t.state} />
            </td>
            <td>{t.healthy === null ? <span className="faint">—</span> : <StatusBadge tone={t.healthy ? 'ok' : 'danger'}>{t.healthy ? 'Healthy' : 'Unhealthy'}</StatusBadge>}</td>
            <td>
              {t.agentId ? <Link to={`/nodes/${encodeURIComponent(t.agentId)}`}>{t.host}</Link> : t.host}
            </td>
            <td className="mono small">{t.ports.join(', ') || '—'}</td>
            <td className="nowrap">{t.startedAt ? formatAge(t.startedAt) : '—'}</td>
            <td className="mono small">{t.version ?? '—'}</td>
            <td>
              <Link to={taskLogsPath(t.id)} aria-label={`Logs of ${t.id}`}>
                Logs
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Marathon's offer reject reasons (processedOffersSummary) in plain words. */
const REJECT_REASON_TEXT: Record<string, string> = {
  UnfulfilledRole: 'The agent offers resources of a role the service does not accept (e.g. public agents)',
  UnfulfilledConstraint: 'A placement constraint rules the agent out',
  NoCorrespondingReservationFound: 'The agent holds no reservation for this resident service',
  AgentMaintenance: 'The agent is in maintenance',
  InsufficientCpus: 'No agent has this many free CPUs',
  InsufficientMemory: 'No agent has this much free memory',
  InsufficientDisk: 'No agent has this much free disk',
  InsufficientGpus: 'No agent has this many free GPUs',
  InsufficientPorts: 'The requested host ports are taken or not offered',
  DeclinedScarceResources: 'Declined to keep scarce resources (GPUs) for services that need them',
}

/** Tasks whose health check is failing now (Marathon kills a task after maxConsecutiveFailures). */
function HealthChecksCard({ s }: { s: ServiceDetailView }) {
  const checks = Array.isArray(s.definition.healthChecks) ? s.definition.healthChecks.length : 0
  const failing = s.taskList.filter((t) => t.healthCheck && (!t.healthCheck.alive || t.healthCheck.consecutiveFailures > 0))
  const reporting = s.taskList.filter((t) => t.healthCheck).length
  return (
    <Card title="Health checks" level={3}>
      {checks === 0 ? (
        <p className="muted">This service defines no health checks.</p>
      ) : failing.length === 0 ? (
        <p className="muted">{reporting === 0 ? 'No task has reported a health check result yet.' : `All ${reporting} task(s) with results pass.`}</p>
      ) : (
        <table className="tbl" aria-label="Failing health checks">
          <TableHead columns={['Task', { label: 'Failures in a row', numeric: true }, 'Last cause', 'Last failure']} />
          <tbody>
            {failing.map((t) => (
              <tr key={t.id}>
                <td className="mono small">
                  <Link to={taskPath(t.id)}>{t.id}</Link>
                </td>
                <td className="num">{t.healthCheck!.consecutiveFailures}</td>
                <td>{t.healthCheck!.lastFailureCause ?? '—'}</td>
                <td>{t.healthCheck!.lastFailure ? `${formatAge(t.healthCheck!.lastFailure)} ago` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}

export function DebugTab({ s }: { s: ServiceDetailView }) {
  const f = s.lastTaskFailure
  const queue = s.queue
  return (
    <>
      <div className="two-col">
        <Card title="Last task failure" level={3}>
          {f ? (
            <dl className="kv">
              <dt>Task</dt>
              <dd className="mono small">{f.taskId}</dd>
              <dt>State</dt>
              <dd>{f.state}</dd>
              <dt>Message</dt>
              <dd>{f.message || '—'}</dd>
              <dt>Host</dt>
              <dd>{f.host}</dd>
              <dt>When</dt>
              <dd>{formatAge(f.timestamp)} ago</dd>
            </dl>
          ) : (
            <p className="muted">No task of this service has failed.</p>
          )}
        </Card>
        <HealthChecksCard s={s} />
      </div>
      <Card title="Offers" level={3} style={{ marginTop: 16 }}>
        {queue ? (
          <>
            <p>
              {queue.waiting} instance(s) waiting{queue.delayed ? `, delayed ${queue.delaySecondsLeft}s` : ''}. Since it was queued, {queue.processedOffers} offers were
              processed and {queue.unusedOffers} declined. The table shows the last offer round, by reason.
            </p>
            <table className="tbl" aria-label="Why offers were declined">
              <TableHead columns={['Reason', { label: 'Declined', numeric: true }, { label: 'Processed', numeric: true }, 'What it means']} />
              <tbody>
                {queue.rejections.map((r) => (
                  <tr key={r.reason}>
                    <td>{r.reason}</td>
                    <td className="num">{r.declined}</td>
                    <td className="num">{r.processed}</td>
                    <td className="muted">{REJECT_REASON_TEXT[r.reason] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">Nothing is waiting for offers.</p>
        )}
      </Card>
    </>
  )
}

export function EndpointsTab({ s }: { s: ServiceDetailView }) {
  if (s.endpoints.length === 0) return <EmptyState title="No endpoints">This service defines no ports.</EmptyState>
  return (
    <table className="tbl" aria-label="Endpoints">
      <TableHead columns={['Name', 'Protocol', 'Service port', 'Addresses']} />
      <tbody>
        {s.endpoints.map((e) => (
          <tr key={e.name}>
            <td>{e.name}</td>
            <td>{e.protocol}</td>
            <td className="mono">{e.servicePort ?? '—'}</td>
            <td className="mono small">{e.addresses.join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
