import { describe, expect, it } from 'vitest'
import { stateSummary } from '../../testing/fixtures/mesos.ts'
import { AllocationHistory } from './allocation-history.ts'
import { buildDashboard } from './build-dashboard.ts'

describe('buildDashboard', () => {
  it('sums allocation, tasks and node health; marks missing upstreams as degraded', () => {
    const d = buildDashboard({ summary: stateSummary, services: null, jobs: null, history: [] })
    expect(d.allocated).toEqual({ cpus: 1.1, mem: 384, disk: 0, gpus: 0 })
    expect(d.total).toEqual({ cpus: 16, mem: 59790, disk: 141328, gpus: 2 })
    expect(d.tasksByState).toEqual({ TASK_RUNNING: 2, TASK_FAILED: 1 })
    // The third agent is draining: in maintenance, which is the operator's doing, not unhealthy.
    expect(d.nodes).toEqual({ total: 3, healthy: 2, unhealthy: 0, maintenance: 1 })
    const disconnected = { ...stateSummary, slaves: stateSummary.slaves!.map((a, i) => (i === 0 ? { ...a, active: false } : a)) }
    expect(buildDashboard({ summary: disconnected, services: null, jobs: null, history: [] }).nodes).toEqual({ total: 3, healthy: 1, unhealthy: 1, maintenance: 1 })
    expect(d.degraded).toEqual(['marathon', 'metronome'])
  })
})

describe('AllocationHistory', () => {
  it('keeps at most one sample per interval and a bounded number of samples', () => {
    const h = new AllocationHistory(3, 10)
    const s = (at: number, cpus: number) => ({ at, allocated: { cpus, mem: 0, disk: 0, gpus: 0 }, total: { cpus: 4, mem: 0, disk: 0, gpus: 0 } })
    h.record(s(0, 1))
    h.record(s(5, 2))
    expect(h.list()).toHaveLength(1)
    expect(h.list()[0]!.allocated.cpus).toBe(2)
    for (const at of [10, 20, 30, 40]) h.record(s(at, at))
    expect(h.list().map((x) => x.at)).toEqual([20, 30, 40])
  })
})
