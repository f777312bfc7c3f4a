/** Dashboard: cluster allocation now and recently, tasks, nodes and workload summaries. */
import type { ResourceAmounts, TaskCounts } from './resources.ts'
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
  nodes: { total: number; healthy: number; unhealthy: number }
  /** null when Marathon could not be reached */
  services: { total: number; byStatus: Partial<Record<ServiceStatus, number>>; unhealthy: number } | null
  /** null when Metronome could not be reached */
  jobs: { total: number; activeRuns: number; failedLastRun: number } | null
  /** upstreams that failed while building this view (the page shows a degraded banner) */
  degraded: Array<'mesos' | 'marathon' | 'metronome'>
}
