/** Dashboard: cluster allocation now and recently, tasks, nodes and workload summaries. */
import type { ResourceAmounts, TaskCounts } from './resources.ts'
import type { PlanStatus } from './plans.ts'
import type { ServiceStatus } from './services.ts'

/** One sample of cluster allocation kept by the BFF (ms since epoch). */
export interface AllocationSample {
  at: number
  allocated: ResourceAmounts
  total: ResourceAmounts
}

/** GET /api/dashboard */
export interface DashboardView {
  allocated: ResourceAmounts
  total: ResourceAmounts
  /** oldest first; bounded (the BFF keeps a short ring of samples) */
  history: AllocationSample[]
  tasksByState: TaskCounts
  /** healthy: active; maintenance: deactivated or draining (the operator's doing); unhealthy: the rest (disconnected) */
  nodes: { total: number; healthy: number; unhealthy: number; maintenance: number }
  /** null when Marathon could not be reached */
  services: { total: number; byStatus: Partial<Record<ServiceStatus, number>>; unhealthy: number } | null
  /** null when Metronome could not be reached */
  jobs: { total: number; activeRuns: number; failedLastRun: number } | null
  /** SDK plans across services; null when Marathon (which lists the SDK services) failed */
  plans: {
    total: number
    inProgress: number
    waiting: number
    errors: number
    /** plans not COMPLETE, for the "in progress" panel */
    active: Array<{ serviceId: string; plan: string; status: PlanStatus; completeSteps: number; totalSteps: number }>
  } | null
  /** upstreams that failed while building this view (the page shows a degraded banner) */
  degraded: Array<'mesos' | 'marathon' | 'metronome'>
}
