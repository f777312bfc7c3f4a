/** Service detail: app + tasks (joined with Mesos zone data) + versions, deployments, queue, endpoints. */
import type { DeploymentView, EndpointView, QueueSummaryView, ServiceDetailView, ServiceTaskView, TaskStateName } from '@meridian/api'
import type { MarathonApp, MarathonDeployment, MarathonQueueItem } from '../../upstreams/marathon/index.ts'
import { toServiceView } from './to-service-view.ts'

/** Status fields Marathon adds to AppInfo; stripped so `definition` can be edited and PUT back. */
const STATUS_FIELDS = ['tasks', 'tasksStaged', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy', 'deployments', 'lastTaskFailure', 'readinessCheckResults', 'taskStats', 'tasksStats', 'version', 'versionInfo']

/** A deployment as the console shows it. */
export function toDeploymentView(d: MarathonDeployment): DeploymentView {
  return {
    id: d.id,
    version: d.version,
    affectedServices: [...(d.affectedApps ?? []), ...(d.affectedPods ?? [])],
    currentStep: d.currentStep ?? 0,
    totalSteps: d.totalSteps ?? d.steps?.length ?? 0,
    currentActions: (d.currentActions ?? []).map((a) => ({ action: a.action, service: a.app ?? a.pod ?? null })),
  }
}

/** Offer-matching summary of a queued app. */
export function toQueueSummary(q: MarathonQueueItem | undefined): QueueSummaryView | null {
  if (!q) return null
  const s = q.processedOffersSummary
  return {
    waiting: q.count,
    delayed: (q.delay?.timeLeftSeconds ?? 0) > 0 && !q.delay?.overdue,
    delaySecondsLeft: q.delay?.timeLeftSeconds ?? 0,
    since: q.since ?? null,
    processedOffers: s?.processedOffersCount ?? 0,
    unusedOffers: s?.unusedOffersCount ?? 0,
    rejections: (s?.rejectSummaryLastOffers ?? []).filter((r) => r.declined > 0),
  }
}

/** Named ports: host networking portDefinitions or container portMappings, addressed per task. */
export function toEndpoints(app: MarathonApp, tasks: ServiceTaskView[]): EndpointView[] {
  const ports = app.container?.portMappings?.length ? app.container.portMappings.map((p) => ({ name: p.name, protocol: p.protocol, servicePort: p.servicePort })) : (app.portDefinitions ?? []).map((p) => ({ name: p.name, protocol: p.protocol, servicePort: p.port }))
  return ports.map((p, i) => ({
    name: p.name ?? `port-${i}`,
    protocol: p.protocol ?? 'tcp',
    servicePort: p.servicePort && p.servicePort > 0 ? p.servicePort : null,
    addresses: tasks.filter((t) => t.state === 'TASK_RUNNING' && t.ports[i] !== undefined).map((t) => `${t.host}:${t.ports[i]}`),
  }))
}

/** A Marathon task's health: alive on every check with a result; null without results. */
export function marathonTaskHealthy(results: NonNullable<MarathonApp['tasks']>[number]['healthCheckResults']): boolean | null {
  return results && results.length > 0 ? results.every((h) => h.alive) : null
}

/** The first result (Marathon runs the app's checks per task; the console shows the first). */
function healthCheckOf(results: NonNullable<MarathonApp['tasks']>[number]['healthCheckResults']): ServiceTaskView['healthCheck'] {
  const r = results?.[0]
  if (!r) return null
  return { alive: r.alive, consecutiveFailures: r.consecutiveFailures ?? 0, lastFailureCause: r.lastFailureCause ?? null, lastFailure: r.lastFailure ?? null, lastSuccess: r.lastSuccess ?? null }
}

/** Builds `GET /api/services/:id`. */
export function serviceDetail(app: MarathonApp, versions: string[], deployments: MarathonDeployment[], queue: MarathonQueueItem | undefined): ServiceDetailView {
  const taskList: ServiceTaskView[] = (app.tasks ?? []).map((t) => ({
    id: t.id,
    agentId: t.slaveId ?? null,
    host: t.host,
    state: (t.state ?? 'TASK_STAGING') as TaskStateName,
    healthy: marathonTaskHealthy(t.healthCheckResults),
    healthCheck: healthCheckOf(t.healthCheckResults),
    ports: t.ports ?? [],
    ipAddresses: (t.ipAddresses ?? []).map((a) => a.ipAddress),
    version: t.version ?? null,
    startedAt: t.startedAt ?? null,
    zone: t.zone ?? null,
    region: t.region ?? null,
  }))
  const definition: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(app)) if (!STATUS_FIELDS.includes(k)) definition[k] = v
  const f = app.lastTaskFailure
  return {
    ...toServiceView(app, queue),
    definition,
    taskList,
    versions,
    deployments: deployments.filter((d) => (d.affectedApps ?? []).includes(app.id)).map(toDeploymentView),
    lastTaskFailure: f ? { taskId: f.taskId, state: f.state, message: f.message, host: f.host, timestamp: f.timestamp, version: f.version } : null,
    queue: toQueueSummary(queue),
    endpoints: toEndpoints(app, taskList),
  }
}
