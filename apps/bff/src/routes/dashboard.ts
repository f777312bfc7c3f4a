/** `/api/dashboard`: cluster allocation now and recently, tasks, nodes, services and jobs. */
import { Hono } from 'hono'
import type { BffEnv } from '../env.ts'
import { AllocationHistory } from '../views/dashboard/allocation-history.ts'
import { buildDashboard, clusterAllocation } from '../views/dashboard/build-dashboard.ts'
import { loadServiceViews } from './services-loader.ts'

/** Dashboard routes; `history` is kept for the life of the BFF. */
export function dashboardRoutes(history = new AllocationHistory(), now: () => number = Date.now) {
  return new Hono<BffEnv>().get('/', async (c) => {
    const up = c.var.upstreams
    // Mesos is required; Marathon and Metronome only decorate (null → degraded banner).
    const [summary, services, jobs] = await Promise.all([up.mesos.stateSummary(), loadServiceViews(up).catch(() => null), Promise.resolve(null)])
    history.record({ at: now(), ...clusterAllocation(summary) })
    return c.json(buildDashboard({ summary, services, jobs, history: history.list() }), 200)
  })
}
