/**
 * Patches one service row into the services tree (from a `service.changed` delta that carries
 * the row) without refetching the tree: the row is replaced in its group and the subtree totals
 * of every ancestor move by the row's difference, computed as the BFF computes them (running
 * tasks, unhealthy services, per-instance resources × running). Pure; returns null when the
 * service is not in the tree (a new service: refetch).
 */
import type { ServiceGroupView, ServicesTreeView, ServiceView } from '@meridian/api'

type Summary = ServiceGroupView['summary']

function contribution(s: ServiceView): Summary {
  const n = s.tasks.running
  return {
    services: 1,
    running: n,
    unhealthy: s.health === 'Unhealthy' ? 1 : 0,
    resources: { cpus: s.resources.cpus * n, mem: s.resources.mem * n, disk: s.resources.disk * n, gpus: s.resources.gpus * n },
  }
}

function shift(sum: Summary, before: Summary, after: Summary): Summary {
  const r = (k: keyof Summary['resources']) => sum.resources[k] - before.resources[k] + after.resources[k]
  return {
    services: sum.services,
    running: sum.running - before.running + after.running,
    unhealthy: sum.unhealthy - before.unhealthy + after.unhealthy,
    resources: { cpus: Math.round(r('cpus') * 1000) / 1000, mem: r('mem'), disk: r('disk'), gpus: r('gpus') },
  }
}

function patchGroup(group: ServiceGroupView, service: ServiceView): ServiceGroupView | null {
  const i = group.services.findIndex((s) => s.id === service.id)
  if (i >= 0) {
    const old = group.services[i]!
    const services = group.services.slice()
    services[i] = service
    return { ...group, services, summary: shift(group.summary, contribution(old), contribution(service)) }
  }
  const j = group.groups.findIndex((g) => service.id.startsWith(`${g.id}/`))
  if (j < 0) return null
  const child = patchGroup(group.groups[j]!, service)
  if (!child) return null
  const groups = group.groups.slice()
  const before = group.groups[j]!.summary
  groups[j] = child
  // The child's totals moved by exactly the row's difference; pass it up.
  return {
    ...group,
    groups,
    summary: {
      services: group.summary.services,
      running: group.summary.running - before.running + child.summary.running,
      unhealthy: group.summary.unhealthy - before.unhealthy + child.summary.unhealthy,
      resources: {
        cpus: Math.round((group.summary.resources.cpus - before.resources.cpus + child.summary.resources.cpus) * 1000) / 1000,
        mem: group.summary.resources.mem - before.resources.mem + child.summary.resources.mem,
        disk: group.summary.resources.disk - before.resources.disk + child.summary.resources.disk,
        gpus: group.summary.resources.gpus - before.resources.gpus + child.summary.resources.gpus,
      },
    },
  }
}

/** The tree with `service` replaced, or null when it is not there. */
export function patchServiceTree(tree: ServicesTreeView, service: ServiceView): ServicesTreeView | null {
  const root = patchGroup(tree.root, service)
  return root ? { root } : null
}
