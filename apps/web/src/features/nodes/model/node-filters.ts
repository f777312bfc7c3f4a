/**
 * Nodes list filtering and sorting, pure and O(n log n) so 10,000 agents stay instant. The
 * filters live in the URL (see use-node-filters.ts); this file only interprets them.
 */
import type { MaintenanceState, NodeHealth, NodeView, ResourceAmounts } from '@meridian/api'
import { ratio } from '#shared/format/resources.ts'

export const NODE_SORT_KEYS = ['hostname', 'health', 'cpus', 'mem', 'disk', 'gpus', 'tasks', 'zone'] as const
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number]

export interface NodeFilters {
  q: string
  health: NodeHealth | ''
  zone: string
  type: 'public' | 'private' | ''
  /** '' = any; 'any' = in any maintenance state; or one exact state */
  maintenance: MaintenanceState | 'any' | ''
  sort: NodeSortKey
  dir: 'asc' | 'desc'
}

export const DEFAULT_NODE_FILTERS: NodeFilters = { q: '', health: '', zone: '', type: '', maintenance: '', sort: 'hostname', dir: 'asc' }

const HEALTH_RANK: Record<NodeHealth, number> = { unreachable: 0, gone: 1, draining: 2, deactivated: 3, active: 4 }

export function runningTasks(n: NodeView): number {
  const t = n.tasksByState
  return (t.TASK_RUNNING ?? 0) + (t.TASK_STAGING ?? 0) + (t.TASK_STARTING ?? 0) + (t.TASK_KILLING ?? 0)
}

export function allocationRatio(n: NodeView, kind: keyof ResourceAmounts): number {
  return ratio(n.allocated[kind], n.total[kind])
}

function matches(n: NodeView, f: NodeFilters, q: string): boolean {
  if (f.health && n.health !== f.health) return false
  if (f.zone && n.zone !== f.zone) return false
  if (f.type && n.public !== (f.type === 'public')) return false
  if (f.maintenance === 'any' && n.maintenance === 'none') return false
  if (f.maintenance && f.maintenance !== 'any' && n.maintenance !== f.maintenance) return false
  if (q && !n.hostname.toLowerCase().includes(q) && !n.id.toLowerCase().includes(q) && !(n.ip ?? '').includes(q)) return false
  return true
}

function sortValue(n: NodeView, key: NodeSortKey): string | number {
  switch (key) {
    case 'hostname':
      return n.hostname
    case 'zone':
      return n.zone ?? ''
    case 'health':
      return HEALTH_RANK[n.health]
    case 'tasks':
      return runningTasks(n)
    default:
      return allocationRatio(n, key)
  }
}

// One collator for every comparison: `localeCompare` with options builds a new Intl.Collator per
// call, which made sorting 10,000 agents (~130,000 comparisons) take seconds in Chromium.
const byName = new Intl.Collator(undefined, { numeric: true }).compare

export function filterAndSortNodes(nodes: readonly NodeView[], f: NodeFilters): NodeView[] {
  const q = f.q.trim().toLowerCase()
  const keyed = nodes.filter((n) => matches(n, f, q)).map((n) => ({ n, v: sortValue(n, f.sort) }))
  const sign = f.dir === 'asc' ? 1 : -1
  keyed.sort((a, b) => {
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : byName(String(a.v), String(b.v))
    return c !== 0 ? sign * c : byName(a.n.hostname, b.n.hostname)
  })
  return keyed.map((k) => k.n)
}

/** Distinct zones for the filter menu, sorted. */
export function zonesOf(nodes: readonly NodeView[]): string[] {
  const s = new Set<string>()
  for (const n of nodes) if (n.zone) s.add(n.zone)
  return [...s].sort()
}
