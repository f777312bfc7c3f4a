import { Cell, Pie, PieChart } from 'recharts'

/**
 * The ring of an allocation donut (recharts). Loaded lazily by AllocationDonut: recharts is
 * most of the dashboard's JS, and the numbers beside the ring do not need to wait for it.
 */
export function DonutRing({ used, total, color }: { used: number; total: number; color: string }) {
  const data = [
    { name: 'allocated', value: Math.max(used, 0) },
    { name: 'free', value: Math.max(total - used, total > 0 ? 0 : 1) },
  ]
  return (
    <PieChart width={108} height={108}>
      <Pie data={data} dataKey="value" innerRadius={38} outerRadius={50} startAngle={90} endAngle={-270} stroke="none" isAnimationActive={false}>
        <Cell fill={color} />
        <Cell fill="var(--bg-sunken)" />
      </Pie>
    </PieChart>
  )
}
