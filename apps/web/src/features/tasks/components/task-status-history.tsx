/** A task's status updates as a timeline, newest first: state, when, source, reason and message. */
import type { TaskStatusView } from '@meridian/api'
import { formatAge, formatTimestamp } from '#shared/format/time.ts'
import { TaskStateBadge } from '#shared/ui/task-state-badge.tsx'

const SOURCE = { SOURCE_EXECUTOR: 'executor', SOURCE_AGENT: 'agent', SOURCE_MASTER: 'master' } as Record<string, string>

export function TaskStatusHistory({ statuses }: { statuses: TaskStatusView[] }) {
  if (statuses.length === 0) return <p className="muted">No status updates yet.</p>
  return (
    <ol className="plain-list status-history" aria-label="Status history">
      {[...statuses].reverse().map((s, i) => (
        <li key={`${s.timestamp ?? 'x'}-${s.state}-${i}`} className="status-history-item">
          <div className="row">
            <TaskStateBadge state={s.state} />
            {s.healthy !== null && <span className="small">{s.healthy ? 'healthy' : 'unhealthy'}</span>}
            <span className="grow" />
            <time className="muted small" dateTime={s.timestamp ? new Date(s.timestamp).toISOString() : undefined} title={s.timestamp ? formatTimestamp(s.timestamp) : undefined}>
              {s.timestamp ? `${formatTimestamp(s.timestamp)} (${formatAge(s.timestamp)} ago)` : '—'}
            </time>
          </div>
          {(s.message || s.reason || s.source) && (
            <div className="small muted" style={{ marginTop: 4 }}>
              {s.source && <span>from {SOURCE[s.source] ?? s.source}</span>}
              {s.reason && <span className="mono"> · {s.reason}</span>}
              {s.message && <div className="status-message">{s.message}</div>}
            </div>
          )}
        </li>
      ))}
    </ol>
  )
}
