/** Marathon app → ServiceView, and the group tree → ServiceGroupView. */
import type { ServiceGroupView, ServiceView } from '@meridian/api'
import type { MarathonApp, MarathonGroup, MarathonQueueItem } from '../../upstreams/marathon/index.ts'
import { deriveServiceHealth, deriveServiceStatus } from './derive-status.ts'

/** Queue entries by app id. */
export function indexQueue(queue: MarathonQueueItem[] | undefined): Map<string, MarathonQueueItem> {
  const out = new Map<string, MarathonQueueItem>()
  for (const q of queue ?? []) if (q.app?.id) out.set(q.app.id, q)
  return out
}

/** One service row. */
export function toServiceView(app: MarathonApp, queue?: MarathonQueueItem): ServiceView {
  const labels = app.labels ?? {}
  const deploymentIds = (app.deployments ?? []).map((d) => d.id)
  const pkgName = labels.DCOS_PACKAGE_NAME
  return {
    id: app.id,
    name: app.id.split('/').filter(Boolean).at(-1) ?? app.id,
    status: deriveServiceStatus(app, { deploymentIds, queue }),
    health: deriveServiceHealth(app),
    instances: app.instances ?? 1,
    tasks: { staged: app.tasksStaged ?? 0, running: app.tasksRunning ?? 0, healthy: app.tasksHealthy ?? 0, unhealthy: app.tasksUnhealthy ?? 0 },
    resources: { cpus: app.cpus ?? 1, mem: app.mem ?? 128, disk: app.disk ?? 0, gpus: app.gpus ?? 0 },
    image: app.container?.docker?.image ?? null,
    cmd: app.cmd ?? (app.args ? app.args.join(' ') : null),
    version: app.version ?? '',
    labels,
    deploymentIds,
    package: pkgName ? { name: pkgName, version: labels.DCOS_PACKAGE_VERSION ?? '' } : null,
    sdk: labels.DCOS_COMMONS_API_VERSION !== undefined,
  }
}

/** The whole tree (children sorted by id), with subtree totals; `viewOf` lets a caller reuse rows it already built. */
export function toServiceTree(group: MarathonGroup, queue: Map<string, MarathonQueueItem>, viewOf: typeof toServiceView = toServiceView): ServiceGroupView {
  const services = (group.apps ?? []).map((a) => viewOf(a, queue.get(a.id))).sort((a, b) => a.id.localeCompare(b.id))
  const groups = (group.groups ?? []).map((g) => toServiceTree(g, queue, viewOf)).sort((a, b) => a.id.localeCompare(b.id))
  const summary = { services: 0, running: 0, unhealthy: 0, resources: { cpus: 0, mem: 0, disk: 0, gpus: 0 } }
  for (const s of services) {
    summary.services++
    summary.running += s.tasks.running
    if (s.health === 'Unhealthy') summary.unhealthy++
    // allocated = per-instance resources × running tasks
    summary.resources.cpus += s.resources.cpus * s.tasks.running
    summary.resources.mem += s.resources.mem * s.tasks.running
    summary.resources.disk += s.resources.disk * s.tasks.running
    summary.resources.gpus += s.resources.gpus * s.tasks.running
  }
  for (const g of groups) {
    summary.services += g.summary.services
    summary.running += g.summary.running
    summary.unhealthy += g.summary.unhealthy
    summary.resources.cpus += g.summary.resources.cpus
    summary.resources.mem += g.summary.resources.mem
    summary.resources.disk += g.summary.resources.disk
    summary.resources.gpus += g.summary.resources.gpus
  }
  summary.resources.cpus = Math.round(summary.resources.cpus * 1000) / 1000
  return { id: group.id, name: group.id === '/' ? '/' : (group.id.split('/').filter(Boolean).at(-1) ?? group.id), groups, services, summary }
}

/** All services of a tree, flattened. */
export function flattenServices(group: ServiceGroupView, out: ServiceView[] = []): ServiceView[] {
  out.push(...group.services)
  for (const g of group.groups) flattenServices(g, out)
  return out
}
