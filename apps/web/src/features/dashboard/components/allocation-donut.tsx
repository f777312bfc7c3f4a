import { Cell, Pie, PieChart } from 'recharts'
import { formatPercent, formatResource, ratio, RESOURCE_LABELS, type ResourceKind } from '#shared/format/resources.ts'

const COLOR: Record<ResourceKind, string> = { cpus: 'var(--chart-cpus)', mem: 'var(--chart-mem)', disk: 'var(--chart-disk)', gpus: 'var(--chart-gpus)' }

/** Allocated vs free for one resource, with the numbers as text (the chart is decoration). */
export function AllocationDonut({ kind, used, total }: { kind: ResourceKind; used: number; total: number }) {
  const r = ratio(used, total)
  const data = [
    { name: 'allocated', value: Math.max(used, 0) },
    { name: 'free', value: Math.max(total - used, total > 0 ? 0 : 1) },
  ]
  return (
    <figure className="donut" aria-label={`${RESOURCE_LABELS[kind]} allocation ${formatPercent(r)}`}>
      <div className="donut-chart" aria-hidden="true">
        <PieChart width={108} height={108}>
          <Pie data={data} dataKey="value" innerRadius={38} outerRadius={50} startAngle={90} endAngle={-270} stroke="none" isAnimationActive={false}>
            <Cell fill={COLOR[kind]} />
            <Cell fill="var(--bg-sunken)" />
          </Pie>
        </PieChart>
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
