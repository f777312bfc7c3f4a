/**
 * Service status and health, derived the way the DC/OS UI does from Marathon's counts, its
 * deployments and its launch queue (upstream-apis §2.3, §2.4 Queue).
 */
import type { ServiceHealth, ServiceStatus } from '@meridian/api'
import type { MarathonApp, MarathonQueueItem } from '../../upstreams/marathon/index.ts'

/** What status derivation needs besides the app. */
export interface StatusContext {
  /** ids of running deployments touching the app */
  deploymentIds: readonly string[]
  /** the app's entry in `/v2/queue`, if queued */
  queue?: MarathonQueueItem | undefined
}

/** Running/Deploying/Recovering/Delayed/Waiting for resources/Suspended/Stopped. */
export function deriveServiceStatus(app: MarathonApp, ctx: StatusContext): ServiceStatus {
  const instances = app.instances ?? 1
  const running = app.tasksRunning ?? 0
  const staged = app.tasksStaged ?? 0
  const queued = ctx.queue !== undefined && ctx.queue.count > 0
  if (instances === 0) return running + staged > 0 || ctx.deploymentIds.length > 0 ? 'Deploying' : 'Suspended'
  // Marathon's launch backoff: the queue entry has time left and is not overdue.
  if (queued && ctx.queue?.delay && ctx.queue.delay.timeLeftSeconds > 0 && !ctx.queue.delay.overdue) return 'Delayed'
  // Offers keep arriving but none fits: nothing is staging and offers were declined.
  if (queued && staged === 0 && (ctx.queue?.processedOffersSummary?.unusedOffersCount ?? 0) > 0) return 'Waiting for resources'
  if (ctx.deploymentIds.length > 0) return 'Deploying'
  if (running < instances) return queued || staged > 0 ? 'Recovering' : running === 0 ? 'Stopped' : 'Recovering'
  return 'Running'
}

/**
 * Healthy when every running task passes its health checks; Unhealthy when any fails;
 * Unknown without health checks or running tasks (Marathon then reports 0/0).
 */
export function deriveServiceHealth(app: MarathonApp): ServiceHealth {
  const running = app.tasksRunning ?? 0
  if (!Array.isArray(app.healthChecks) || app.healthChecks.length === 0 || running === 0) return 'Unknown'
  if ((app.tasksUnhealthy ?? 0) > 0) return 'Unhealthy'
  if ((app.tasksHealthy ?? 0) >= running) return 'Healthy'
  return 'Unknown'
}
