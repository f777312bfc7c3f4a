/** `/api/dashboard`: cluster allocation now and recently, tasks, nodes, services, jobs and SDK plans. */
import type { DashboardView, PlanView, ServiceView } from '@meridian/api'
import { Hono } from 'hono'
import type { BffEnv } from '../env.ts'
import type { Upstreams } from '../upstreams/registry.ts'
import { AllocationHistory } from '../views/dashboard/allocation-history.ts'
import { buildDashboard, clusterAllocation } from '../views/dashboard/build-dashboard.ts'
import { toJobView } from '../views/jobs/to-job-view.ts'
import { sdkServiceRef, type SdkServiceRef } from '../views/plans/to-plan-view.ts'
import { loadMesosState } from '../loaders/mesos-state-loader.ts'
import { SharedResult } from '../loaders/shared-result.ts'
import { loadServicePlans } from '../loaders/plans-loader.ts'
import type { MesosMirror } from '../mirror/mesos-mirror.ts'
import { loadServiceViews } from '../loaders/services-loader.ts'
import type { MarathonMirror } from '../mirror/marathon-mirror.ts'

/** Plans of the SDK services among `services`; a scheduler that does not answer is skipped, not fatal. */
async function loadAllPlans(up: Upstreams, services: ServiceView[]): Promise<PlanView[]> {
  const refs = services.map((s) => sdkServiceRef(s)).filter((r): r is SdkServiceRef => r !== null)
  const perService = await Promise.all(refs.map((r) => loadServicePlans(up, r).catch(() => [])))
  return perService.flat()
}

/**
 * Dashboard routes; `history` is kept for the life of the BFF. The view is computed at most once
 * a second per upstream identity (Metronome and the SDK schedulers are read per computation):
 * every open dashboard refetches on the same `dashboard.changed`.
 */
export function dashboardRoutes(mirrors: { mesos?: MesosMirror; marathon?: MarathonMirror } = {}, history = new AllocationHistory(), now: () => number = Date.now) {
  const shared = new SharedResult<DashboardView>(1000, now)
  return new Hono<BffEnv>().get('/', async (c) => {
    // Cluster-mode sessions read upstreams with their own token: never share a view across tokens.
    const view = await shared.get(c.var.session?.clusterToken ?? '', () => computeDashboard(c.var.upstreams))
    return c.json(view, 200)
  })

  async function computeDashboard(up: Upstreams): Promise<DashboardView> {
    // Mesos is required; Marathon, Metronome and the SDK schedulers only decorate (null → degraded banner).
    const servicesP = loadServiceViews(up, mirrors.marathon).catch(() => null)
    const [summary, services, jobs, plans] = await Promise.all([
      loadMesosState(up.mesos, mirrors.mesos).then((s) => s.summary),
      servicesP,
      up.metronome.jobs().then((js) => js.map(toJobView), () => null),
      servicesP.then((s) => (s ? loadAllPlans(up, s) : null)),
    ])
    history.record({ at: now(), ...clusterAllocation(summary) })
    return buildDashboard({ summary, services, jobs, plans, history: history.list() })
  }
}
