import { formatPercent, formatResource, ratio, RESOURCE_LABELS, type ResourceKind } from '../format/resources.ts'

/** Severity band for a usage ratio: the same thresholds everywhere keep the colours meaningful. */
export function usageLevel(r: number): 'low' | 'mid' | 'high' {
  return r >= 0.9 ? 'high' : r >= 0.7 ? 'mid' : 'low'
}

/** One allocated/total bar; the accessible name carries the numbers so screen readers get them. */
export function UtilizationBar({
  kind,
  used,
  total,
  compact = false,
}: {
  kind: ResourceKind
  used: number
  total: number
  compact?: boolean
}) {
  const r = ratio(used, total)
  const text = `${formatResource(kind, used)} / ${formatResource(kind, total)}`
  return (
    <div className={`util ${compact ? 'util-compact' : ''}`}>
      {!compact && (
        <div className="util-label">
          <span>{RESOURCE_LABELS[kind]}</span>
          <span className="muted">{total > 0 ? text : 'none'}</span>
        </div>
      )}
      <div
        className="util-track"
        role="meter"
        aria-label={`${RESOURCE_LABELS[kind]} allocated`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(r * 100)}
        aria-valuetext={total > 0 ? `${formatPercent(r)} (${text})` : 'none'}
        title={total > 0 ? `${formatPercent(r)} — ${text}` : 'none'}
      >
        <div className={`util-fill util-${usageLevel(r)}`} style={{ width: `${r * 100}%` }} />
      </div>
    </div>
  )
}
