/** DC/OS component health from dcos-diagnostics' cluster-wide units and a unit's nodes. */
import type { ComponentHealth, ComponentNodesView, ComponentsView, ComponentView } from '@meridian/api'
import type { DiagnosticsHealth, DiagnosticsNode, DiagnosticsUnit } from '../../upstreams/dcos/index.ts'

const HEALTH: readonly ComponentHealth[] = ['healthy', 'unhealthy', 'warning', 'unknown']

/** dcos-diagnostics' `dcos.Health`: 0 healthy, 1 unhealthy, 2 warning, 3 not available. */
export function componentHealth(h: DiagnosticsHealth): ComponentHealth {
  return HEALTH[h] ?? 'unknown'
}

/** What needs attention first. */
const RANK: Record<ComponentHealth, number> = { unhealthy: 0, warning: 1, unknown: 2, healthy: 3 }
const collator = new Intl.Collator(undefined, { numeric: true })

export function toComponents(units: readonly DiagnosticsUnit[]): ComponentsView {
  const counts: Record<ComponentHealth, number> = { healthy: 0, unhealthy: 0, warning: 0, unknown: 0 }
  const components: ComponentView[] = units.map((u) => {
    const health = componentHealth(u.health)
    counts[health]++
    return { id: u.id, name: u.name?.trim() || u.id, description: u.description?.trim() || null, health }
  })
  components.sort((a, b) => RANK[a.health] - RANK[b.health] || collator.compare(a.name, b.name))
  return { components, counts }
}

const ROLES = new Set(['master', 'agent', 'agent_public'])

/** A unit's nodes, unhealthy first, then by IP. */
export function toComponentNodes(component: string, nodes: readonly DiagnosticsNode[]): ComponentNodesView {
  const rows = nodes.map((n) => ({
    ip: n.host_ip,
    role: n.role !== undefined && ROLES.has(n.role) ? (n.role as 'master' | 'agent' | 'agent_public') : null,
    health: componentHealth(n.health),
  }))
  rows.sort((a, b) => RANK[a.health] - RANK[b.health] || collator.compare(a.ip, b.ip))
  return { component, nodes: rows }
}
