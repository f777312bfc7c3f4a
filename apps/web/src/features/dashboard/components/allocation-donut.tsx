import { lazy, Suspense } from 'react'
import { formatPercent, formatResource, ratio, RESOURCE_LABELS, type ResourceKind } from '#shared/format/resources.ts'

// recharts loads after the first render (see donut-ring.tsx); until then the ring's box is empty.
const DonutRing = lazy(async () => ({ default: (await import('./donut-ring.tsx')).DonutRing }))

const COLOR: Record<ResourceKind, string> = { cpus: 'var(--chart-cpus)', mem: 'var(--chart-mem)', disk: 'var(--chart-disk)', gpus: 'var(--chart-gpus)' }

/** Allocated vs free for one resource, with the numbers as text (the chart is decoration). */
export function AllocationDonut({ kind, used, total }: { kind: ResourceKind; used: number; total: number }) {
  const r = ratio(used, total)
  return (
    <figure className="donut" aria-label={`${RESOURCE_LABELS[kind]} allocation ${formatPercent(r)}`}>
      <div className="donut-chart" aria-hidden="true">
        <Suspense fallback={<div style={{ width: 108, height: 108 }} />}>
          <DonutRing used={used} total={total} color={COLOR[kind]} />
        </Suspense>
        <span className="donut-center">{total > 0 ? formatPercent(r) : '—'}</span>
      </div>
      <figcaption>
        <strong>{RESOURCE_LABELS[kind]}</strong>
        <span className="muted small">
          {formatResource(kind, used)} of {formatResource(kind, total)}
        </span>
      </figcaption>
    </figure>
  )
}
