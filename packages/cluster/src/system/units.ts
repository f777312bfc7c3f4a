/**
 * The DC/OS systemd units dcos-diagnostics reports on (`/system/health/v1`), per node role, and
 * their health derived from the simulation: every unit on the master is healthy (the emulated
 * upstreams answer); an agent's units are unhealthy while Mesos cannot reach it (partitioned),
 * and a removed agent is no longer a node at all, as dcos-diagnostics finds nodes through the
 * master.
 */
import type { MesosMaster } from '../mesos/state/master.ts'

/** dcos-diagnostics' health codes (`dcos.Health`). */
export const HEALTHY = 0
export const UNHEALTHY = 1

export type NodeRole = 'master' | 'agent' | 'agent_public'

export interface UnitSpec {
  id: string
  /** dcos-diagnostics' pretty name */
  name: string
  /** the unit's systemd `Description=` */
  description: string
  roles: readonly NodeRole[]
}

const ALL: readonly NodeRole[] = ['master', 'agent', 'agent_public']
const AGENTS: readonly NodeRole[] = ['agent', 'agent_public']

/** DC/OS 2.2 open units (abridged to those an operator watches). */
export const UNITS: readonly UnitSpec[] = [
  { id: 'dcos-adminrouter.service', name: 'Admin Router Master', description: 'Admin Router Master: exposes a unified control plane proxy for components and services using NGINX', roles: ['master'] },
  { id: 'dcos-adminrouter-agent.service', name: 'Admin Router Agent', description: 'Admin Router Agent: exposes a unified control plane proxy for components and services using NGINX', roles: AGENTS },
  { id: 'dcos-bouncer.service', name: 'IAM Service', description: 'Identity and Access Management: DC/OS authentication and authorization', roles: ['master'] },
  { id: 'dcos-cosmos.service', name: 'Package Service', description: 'DC/OS Package Manager (Cosmos): installs and manages DC/OS packages', roles: ['master'] },
  { id: 'dcos-diagnostics.service', name: 'Diagnostics', description: 'DC/OS Diagnostics: aggregates and exposes component health', roles: ALL },
  { id: 'dcos-exhibitor.service', name: 'Exhibitor', description: 'Exhibitor: manages and observes ZooKeeper', roles: ['master'] },
  { id: 'dcos-marathon.service', name: 'Marathon', description: 'Marathon: DC/OS init system', roles: ['master'] },
  { id: 'dcos-mesos-dns.service', name: 'Mesos DNS', description: 'Mesos DNS: DNS based service discovery', roles: ['master'] },
  { id: 'dcos-mesos-master.service', name: 'Mesos Master', description: 'Mesos Master: distributed systems kernel', roles: ['master'] },
  { id: 'dcos-mesos-slave.service', name: 'Mesos Agent', description: 'Mesos Agent: distributed systems kernel agent', roles: ['agent'] },
  { id: 'dcos-mesos-slave-public.service', name: 'Mesos Agent Public', description: 'Mesos Agent Public: distributed systems kernel public agent', roles: ['agent_public'] },
  { id: 'dcos-metronome.service', name: 'Jobs Service', description: 'Jobs Service (Metronome): DC/OS Metronome', roles: ['master'] },
  { id: 'dcos-net.service', name: 'DC/OS Net', description: 'DC/OS Net: a distributed systems & network overlay orchestration engine', roles: ALL },
  { id: 'dcos-telegraf.service', name: 'Telegraf', description: 'Telegraf: collects and reports metrics', roles: ALL },
]

export interface SystemNode {
  host_ip: string
  health: number
  role: NodeRole
}

/** The cluster's nodes as dcos-diagnostics sees them: the master, then every agent not removed. */
export function systemNodes(master: MesosMaster): SystemNode[] {
  const nodes: SystemNode[] = [{ host_ip: master.ip, health: HEALTHY, role: 'master' }]
  for (const a of master.agents.values()) {
    if (a.status === 'gone') continue
    nodes.push({ host_ip: a.ip, health: a.status === 'connected' ? HEALTHY : UNHEALTHY, role: a.public ? 'agent_public' : 'agent' })
  }
  return nodes
}

/** The nodes a unit runs on, with its health there (a node's health is its units' worst). */
export function unitNodes(unit: UnitSpec, nodes: readonly SystemNode[]): SystemNode[] {
  return nodes.filter((n) => unit.roles.includes(n.role))
}

/** A unit's health across the cluster: unhealthy when it is unhealthy on any node. */
export function unitHealth(unit: UnitSpec, nodes: readonly SystemNode[]): number {
  let worst = HEALTHY
  for (const n of nodes) if (n.health > worst && unit.roles.includes(n.role)) worst = n.health
  return worst
}
