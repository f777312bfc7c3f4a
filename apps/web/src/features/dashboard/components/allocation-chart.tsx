import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { AllocationSample } from '@meridian/api'
import { toSeries } from '../model/dashboard-series.ts'

const SERIES = [
  { key: 'cpus', name: 'CPU', color: 'var(--chart-cpus)' },
  { key: 'mem', name: 'Memory', color: 'var(--chart-mem)' },
  { key: 'disk', name: 'Disk', color: 'var(--chart-disk)' },
  { key: 'gpus', name: 'GPU', color: 'var(--chart-gpus)' },
] as const

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** Allocation % over the BFF's recent samples; it grows as the dashboard polls. */
export function AllocationChart({ history }: { history: AllocationSample[] }) {
  const rows = toSeries(history)
  if (rows.length < 2) return <p className="muted">Collecting samples… the chart fills in as the dashboard stays open.</p>
  return (
    <div style={{ width: '100%', height: 240 }} role="img" aria-label="Cluster allocation over time">
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="at" tickFormatter={time} stroke="var(--text-faint)" fontSize={11} minTickGap={40} />
          <YAxis domain={[0, 100]} unit="%" stroke="var(--text-faint)" fontSize={11} />
          <Tooltip
            labelFormatter={(v) => time(Number(v))}
            formatter={(v) => `${String(v)}%`}
            contentStyle={{ background: 'var(--bg-elev)', border: '1px solid var(--border)', borderRadius: 8 }}
          />
          <Legend iconType="circle" />
          {SERIES.map((s) => (
            <Area key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} fill={s.color} fillOpacity={0.08} strokeWidth={2} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  )
}
