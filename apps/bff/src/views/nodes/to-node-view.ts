/** Mesos agent (state-summary) + maintenance status → NodeView. */
import type { MaintenanceState, NodeHealth, NodeView, TaskCounts, TaskStateName } from '@meridian/api'
import { TASK_STATE_NAMES } from '@meridian/api'
import type { MesosAgentSummary, MesosMaintenanceStatus } from '../../upstreams/mesos/index.ts'
import { amountsFromSummary } from './resources.ts'

/** Machines under maintenance, keyed `hostname|ip` (Mesos matches both, hostname case-insensitively). */
export interface MaintenanceIndex {
  draining: Set<string>
  down: Set<string>
}

/** Indexes `/master/maintenance/status` once per request. */
export function indexMaintenance(status: MesosMaintenanceStatus | undefined): MaintenanceIndex {
  const key = (m: { hostname?: string; ip?: string }) => machineKey(m.hostname ?? '', m.ip ?? '')
  return {
    draining: new Set((status?.draining_machines ?? []).map((m) => key(m.id))),
    down: new Set((status?.down_machines ?? []).map(key)),
  }
}

function machineKey(hostname: string, ip: string): string {
  return `${hostname.toLowerCase()}|${ip}`
}

/** Every machine a maintenance status names (draining or down). */
export function machineKeysOf(status: MesosMaintenanceStatus | undefined): Set<string> {
  const { draining, down } = indexMaintenance(status)
  return new Set([...draining, ...down])
}

/** The machine key of an agent, as `machineKeysOf` spells it. */
export function agentMachineKey(agent: Pick<MesosAgentSummary, 'hostname' | 'pid'>): string {
  return machineKey(agent.hostname, agentIp(agent) ?? '')
}

/** The IP an agent advertises: host part of its libprocess pid `slave(1)@10.0.1.5:5051`. */
export function agentIp(agent: Pick<MesosAgentSummary, 'pid'>): string | null {
  const m = agent.pid?.match(/@([^:]+):\d+$/)
  return m?.[1] ?? null
}

/**
 * Health from the agent flags. Mesos lists only registered agents: `active: false` means the
 * agent is registered but disconnected (unreachable until it re-registers or is marked gone).
 */
export function deriveNodeHealth(agent: Pick<MesosAgentSummary, 'active' | 'deactivated' | 'drain_info'>): NodeHealth {
  if (agent.active === false && !agent.deactivated && !agent.drain_info) return 'unreachable'
  if (agent.drain_info) return 'draining'
  if (agent.deactivated) return 'deactivated'
  return 'active'
}

/** Agent drain (DRAIN_AGENT) wins over machine maintenance (schedule/DOWN). */
export function deriveMaintenance(agent: MesosAgentSummary, maintenance: MaintenanceIndex): MaintenanceState {
  if (agent.drain_info?.state === 'DRAINED') return 'drained'
  if (agent.drain_info) return 'draining'
  const key = agentMachineKey(agent)
  if (maintenance.down.has(key)) return 'down'
  if (maintenance.draining.has(key)) return 'scheduled'
  return 'none'
}

/** DC/OS public agents carry the `slave_public` role (and usually the `public_ip` attribute). */
export function isPublicAgent(agent: MesosAgentSummary): boolean {
  if (agent.reserved_resources && 'slave_public' in agent.reserved_resources) return true
  const attr = agent.attributes?.public_ip
  return attr === 'true' || attr === 1
}

/** TASK_* counters of a state-summary entry; zero counts are dropped. */
export function taskCounters(entry: Record<string, unknown>): TaskCounts {
  const out: TaskCounts = {}
  for (const s of TASK_STATE_NAMES) {
    const n = entry[s]
    if (typeof n === 'number' && n > 0) out[s as TaskStateName] = n
  }
  return out
}

/** One agent row. */
export function toNodeView(agent: MesosAgentSummary, maintenance: MaintenanceIndex): NodeView {
  const domain = agent.domain?.fault_domain
  return {
    id: agent.id,
    hostname: agent.hostname,
    ip: agentIp(agent),
    region: domain?.region?.name ?? null,
    zone: domain?.zone?.name ?? null,
    public: isPublicAgent(agent),
    health: deriveNodeHealth(agent),
    maintenance: deriveMaintenance(agent, maintenance),
    allocated: amountsFromSummary(agent.used_resources),
    total: amountsFromSummary(agent.resources),
    tasksByState: taskCounters(agent as unknown as Record<string, unknown>),
    registeredAt: typeof agent.registered_time === 'number' ? Math.round(agent.registered_time * 1000) : null,
    version: agent.version ?? '',
    attributes: agent.attributes ?? {},
  }
}
