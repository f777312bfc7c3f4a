/** Dashboard aggregation: pure, from the state summary and (optionally) services and jobs views. */
import type { DashboardView, JobView, PlanView, ResourceAmounts, ServiceView, TaskCounts } from '@meridian/api'
import { TASK_STATE_NAMES } from '@meridian/api'
import type { MesosStateSummary } from '../../upstreams/mesos/index.ts'
import { addAmounts, amountsFromSummary, emptyAmounts, roundAmounts } from '../nodes/resources.ts'
import { deriveNodeHealth } from '../nodes/to-node-view.ts'
import { summarizePlans } from '../plans/to-plan-view.ts'

/** Cluster allocation now: sums over registered agents (what `master/cpus_used|total` report). */
export function clusterAllocation(summary: MesosStateSummary): { allocated: ResourceAmounts; total: ResourceAmounts } {
  const allocated = emptyAmounts()
  const total = emptyAmounts()
  for (const a of summary.slaves ?? []) {
    addAmounts(allocated, amountsFromSummary(a.used_resources))
    addAmounts(total, amountsFromSummary(a.resources))
  }
  return { allocated: roundAmounts(allocated), total: roundAmounts(total) }
}

/** Task counts summed over frameworks' TASK_* counters. */
export function clusterTaskCounts(summary: MesosStateSummary): TaskCounts {
  const out: TaskCounts = {}
  for (const f of summary.frameworks ?? []) {
    for (const s of TASK_STATE_NAMES) {
      const n = (f as unknown as Record<string, unknown>)[s]
      if (typeof n === 'number' && n > 0) out[s] = (out[s] ?? 0) + n
    }
  }
  return out
}

/** Inputs of the dashboard; null members mean that upstream failed. */
export interface DashboardInputs {
  summary: MesosStateSummary
  services: ServiceView[] | null
  jobs: JobView[] | null
  /** plans of every SDK service; null when they could not be listed (absent = null) */
  plans?: PlanView[] | null
  history: DashboardView['history']
}

/** Builds `GET /api/dashboard`. */
export function buildDashboard(input: DashboardInputs): DashboardView {
  const { allocated, total } = clusterAllocation(input.summary)
  const agents = input.summary.slaves ?? []
  let healthy = 0
  let maintenance = 0
  for (const a of agents) {
    const h = deriveNodeHealth(a)
    if (h === 'active') healthy++
    else if (h === 'deactivated' || h === 'draining') maintenance++
  }
  const degraded: DashboardView['degraded'] = []
  let services: DashboardView['services'] = null
  if (input.services) {
    const byStatus: NonNullable<DashboardView['services']>['byStatus'] = {}
    for (const s of input.services) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1
    services = { total: input.services.length, byStatus, unhealthy: input.services.filter((s) => s.health === 'Unhealthy').length }
  } else degraded.push('marathon')
  let jobs: DashboardView['jobs'] = null
  if (input.jobs) {
    jobs = {
      total: input.jobs.length,
      activeRuns: input.jobs.reduce((n, j) => n + j.activeRuns.length, 0),
      failedLastRun: input.jobs.filter((j) => j.status === 'Failed').length,
    }
  } else degraded.push('metronome')
  return {
    allocated,
    total,
    history: input.history,
    tasksByState: clusterTaskCounts(input.summary),
    nodes: { total: agents.length, healthy, unhealthy: agents.length - healthy - maintenance, maintenance },
    services,
    jobs,
    plans: input.plans ? summarizePlans(input.plans) : null,
    degraded,
  }
}
