/**
 * v1 operator-API JSON (protobuf → JSON): ids as `{value}`, times as `{nanoseconds}` (except
 * TaskStatus.timestamp, a float), enums as names, bytes as base64, resources as full Resource
 * arrays. Inside proto objects an empty repeated field is omitted; the top-level response
 * lists are always present.
 */
import type { MesosMaster } from '../state/master.ts'
import type { SimAgent, SimFramework, SimTask, SimTaskStatus } from '../state/types.ts'
import { containerIdOf, executorIdOf } from '../sandbox/executor-sandbox.ts'
import { agentTotalPieces, piecesToResources, taskPiece } from './agent-resources.ts'
import { BUILD, ipToNetworkOrderUint32 } from './master-info.ts'
import { AGENT_CAPABILITIES, MASTER_CAPABILITIES, taskProtoExtras } from './render-v0.ts'
import { composite, RawJsonArray, toJsonText } from './raw-json.ts'
import { cachedTaskV1Json, taskAllocatedJson } from './render-cache.ts'
import { fullResources, reservationStack, type WireResource } from './wire-resources.ts'

export const id = (value: string) => ({ value })
export const timeInfo = (seconds: number) => ({ nanoseconds: Math.round(seconds * 1000) * 1e6 })
export const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64')
const nonEmpty = <K extends string, T>(key: K, list: T[]): Partial<Record<K, T[]>> => (list.length > 0 ? ({ [key]: list } as Record<K, T[]>) : {})

export function statusV1(task: SimTask, s: SimTaskStatus, containerId = containerIdOf(task.agentId, task.frameworkId, executorIdOf(task))) {
  const fromExecutor = s.source !== 'SOURCE_MASTER'
  return {
    task_id: id(task.id),
    state: s.state,
    ...(s.message !== undefined ? { message: s.message } : {}),
    source: s.source,
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
    agent_id: id(task.agentId),
    ...(fromExecutor ? { executor_id: id(executorIdOf(task)) } : {}),
    timestamp: s.timestamp,
    uuid: uuidBytes(s.uuid),
    ...(s.healthy !== undefined ? { healthy: s.healthy } : {}),
    container_status: {
      container_id: id(containerId),
      ...(s.containerIp ? { network_infos: [{ ip_addresses: [{ protocol: 'IPv4', ip_address: s.containerIp }] }] } : {}),
    },
  }
}

export function taskV1(master: MesosMaster, task: SimTask) {
  const last = task.statuses[task.statuses.length - 1]
  const piece = taskPiece(master, task)
  const containerId = containerIdOf(task.agentId, task.frameworkId, executorIdOf(task))
  return {
    name: task.name,
    task_id: id(task.id),
    framework_id: id(task.frameworkId),
    ...(task.executorId !== '' ? { executor_id: id(task.executorId) } : {}),
    agent_id: id(task.agentId),
    state: task.state,
    ...nonEmpty('resources', fullResources(piece.bag, piece.ctx)),
    ...nonEmpty('statuses', task.statuses.map((s) => statusV1(task, s, containerId))),
    ...(last ? { status_update_state: last.state, status_update_uuid: uuidBytes(last.uuid) } : {}),
    ...(task.labels.length > 0 ? { labels: { labels: task.labels } } : {}),
    ...taskProtoExtras(task),
    ...(task.user !== undefined ? { user: task.user } : {}),
  }
}

/** `JSON.stringify(taskV1(master, task))`, cached per task revision and reservation (render-cache.ts). */
export function taskV1Json(master: MesosMaster, task: SimTask): string {
  return cachedTaskV1Json(master, task, taskV1)
}

/** Allocated Resource objects of the non-unreachable tasks among `taskIds`, as cached JSON items. */
function allocatedOf(master: MesosMaster, taskIds: Iterable<string>): RawJsonArray {
  const items: string[] = []
  for (const tid of taskIds) {
    const t = master.tasks.get(tid)
    if (t && t.state !== 'TASK_UNREACHABLE') items.push(taskAllocatedJson(master, t))
  }
  return new RawJsonArray(items)
}

function attributesV1(agent: SimAgent) {
  return Object.entries(agent.attributes).map(([name, v]) =>
    typeof v === 'number' ? { name, type: 'SCALAR', scalar: { value: v } } : { name, type: 'TEXT', text: { value: v } },
  )
}

export function agentInfoV1(agent: SimAgent) {
  return {
    hostname: agent.hostname,
    port: agent.port,
    resources: fullResources(agent.total, { reservations: reservationStack(agent) }),
    ...nonEmpty('attributes', attributesV1(agent)),
    id: id(agent.id),
    domain: { fault_domain: { region: { name: agent.region }, zone: { name: agent.zone } } },
  }
}

/** GetAgents.Agent as a plain object (operator events). */
export function agentV1(master: MesosMaster, agent: SimAgent) {
  const allocated: WireResource[] = []
  for (const tid of agent.taskIds) {
    const t = master.tasks.get(tid)
    if (t && t.state !== 'TASK_UNREACHABLE') {
      const p = taskPiece(master, t)
      allocated.push(...fullResources(p.bag, p.ctx))
    }
  }
  return agentV1With(agent, allocated.length > 0 ? allocated : undefined)
}

/** GetAgents.Agent with allocated resources spliced from the render cache (serialize with raw-json.ts). */
export function agentV1Cached(master: MesosMaster, agent: SimAgent) {
  const allocated = allocatedOf(master, agent.taskIds)
  return composite(agentV1With(agent, allocated.isEmpty ? undefined : allocated))
}

function agentV1With(agent: SimAgent, allocated: WireResource[] | RawJsonArray | undefined) {
  return {
    agent_info: agentInfoV1(agent),
    active: agent.active && !agent.deactivated,
    deactivated: agent.deactivated,
    version: agent.version,
    pid: `slave(1)@${agent.ip}:${agent.port}`,
    registered_time: timeInfo(agent.registeredTime),
    ...(agent.reregisteredTime !== undefined ? { reregistered_time: timeInfo(agent.reregisteredTime) } : {}),
    ...nonEmpty('total_resources', piecesToResources(agentTotalPieces(agent))),
    ...(allocated ? { allocated_resources: allocated } : {}),
    capabilities: AGENT_CAPABILITIES.map((type) => ({ type })),
    ...(agent.drain ? { drain_info: agent.drain, estimated_drain_start_time: timeInfo(agent.reregisteredTime ?? agent.registeredTime) } : {}),
  }
}

export function frameworkInfoV1(fw: SimFramework) {
  const multiRole = fw.capabilities.includes('MULTI_ROLE')
  return {
    user: fw.user,
    name: fw.name,
    id: id(fw.id),
    failover_timeout: fw.failoverTimeout,
    checkpoint: fw.checkpoint,
    ...(multiRole ? { roles: fw.roles } : { role: fw.roles[0] ?? '*' }),
    hostname: fw.hostname,
    ...(fw.principal !== undefined ? { principal: fw.principal } : {}),
    ...(fw.webuiUrl !== undefined ? { webui_url: fw.webuiUrl } : {}),
    ...nonEmpty('capabilities', fw.capabilities.map((type) => ({ type }))),
    ...(fw.labels.length > 0 ? { labels: { labels: fw.labels } } : {}),
  }
}

/**
 * GetFrameworks.Framework; framework events leave allocated/offered resources out. With
 * `withAllocated` the allocated resources are spliced from the render cache (serialize with
 * raw-json.ts).
 */
export function frameworkV1(master: MesosMaster, fw: SimFramework, opts: { withAllocated?: boolean } = {}) {
  const allocated = opts.withAllocated ? allocatedOf(master, fw.taskIds) : undefined
  const body = {
    framework_info: frameworkInfoV1(fw),
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
    registered_time: timeInfo(fw.registeredTime),
    ...(fw.reregisteredTime !== undefined ? { reregistered_time: timeInfo(fw.reregisteredTime) } : {}),
    ...(fw.unregisteredTime !== undefined ? { unregistered_time: timeInfo(fw.unregisteredTime) } : {}),
    ...(allocated && !allocated.isEmpty ? { allocated_resources: allocated } : {}),
    offer_constraints: {},
  }
  return allocated ? composite(body) : body
}

/** GET_AGENTS (serialize with raw-json.ts). */
export function getAgents(master: MesosMaster) {
  // Each agent is serialized as soon as it is built, so its objects die young (see stateSummaryV0).
  const agents: string[] = []
  for (const a of master.agents.values()) if (a.status === 'connected') agents.push(toJsonText(agentV1Cached(master, a)))
  return composite({ agents: new RawJsonArray(agents), recovered_agents: [] })
}

/** GET_FRAMEWORKS (serialize with raw-json.ts). */
export function getFrameworks(master: MesosMaster) {
  return composite({
    frameworks: composite([...master.frameworks.values()].map((f) => frameworkV1(master, f, { withAllocated: true }))),
    completed_frameworks: [...master.completedFrameworks.values()].map((f) => frameworkV1(master, f)),
  })
}

export function getExecutors(master: MesosMaster) {
  const seen = new Map<string, SimTask>()
  for (const t of master.tasks.values()) if (t.executorId !== '') seen.set(`${t.agentId}\u0000${t.frameworkId}\u0000${t.executorId}`, t)
  return {
    executors: [...seen.values()].map((t) => ({
      executor_info: {
        type: 'DEFAULT',
        executor_id: id(t.executorId),
        framework_id: id(t.frameworkId),
        resources: fullResources({ cpus: 0.1, mem: 32, disk: 10, gpus: 0, ports: [] }, { reservations: [], allocationRole: t.role }),
      },
      agent_id: id(t.agentId),
    })),
  }
}

/** GET_TASKS; task objects are cached JSON (serialize with raw-json.ts). */
export function getTasks(master: MesosMaster) {
  const tasks: string[] = []
  const unreachable: string[] = []
  for (const t of master.tasks.values()) (t.state === 'TASK_UNREACHABLE' ? unreachable : tasks).push(taskV1Json(master, t))
  const completed: string[] = []
  for (const t of master.completedTasks.values()) completed.push(taskV1Json(master, t))
  return composite({ tasks: new RawJsonArray(tasks), unreachable_tasks: new RawJsonArray(unreachable), completed_tasks: new RawJsonArray(completed) })
}

/** GET_STATE (serialize with raw-json.ts). */
export function getState(master: MesosMaster) {
  return composite({ get_tasks: getTasks(master), get_executors: getExecutors(master), get_frameworks: getFrameworks(master), get_agents: getAgents(master) })
}

export function getMaster(master: MesosMaster) {
  return {
    master_info: {
      id: master.id,
      ip: ipToNetworkOrderUint32(master.ip),
      port: 5050,
      pid: master.pid,
      hostname: master.hostname,
      version: BUILD.version,
      address: { hostname: master.hostname, ip: master.ip, port: 5050 },
      capabilities: MASTER_CAPABILITIES.map((type) => ({ type })),
    },
    start_time: master.startTime,
    elected_time: master.startTime,
  }
}

export function getVersion() {
  const { version, build_date, build_time, build_user, git_sha, git_tag } = BUILD
  return { version_info: { version, build_date, build_time, build_user, git_sha, git_tag } }
}

/** GET_ROLES: every role with a framework, a task or a reservation (weight 1, no quota set). */
export function getRoles(master: MesosMaster) {
  const roles = new Map<string, { frameworks: Set<string>; allocated: WireResource[]; reserved: WireResource[] }>()
  const entry = (name: string) => {
    let e = roles.get(name)
    if (!e) roles.set(name, (e = { frameworks: new Set(), allocated: [], reserved: [] }))
    return e
  }
  for (const fw of master.frameworks.values()) for (const r of fw.roles) entry(r).frameworks.add(fw.id)
  for (const t of master.tasks.values()) {
    if (t.state === 'TASK_UNREACHABLE') continue
    const p = taskPiece(master, t)
    entry(t.role).allocated.push(...fullResources(p.bag, p.ctx))
  }
  for (const agent of master.agents.values()) {
    for (const p of agentTotalPieces(agent)) if (p.reservedRole !== undefined) entry(p.reservedRole).reserved.push(...fullResources(p.bag, p.ctx))
  }
  return {
    roles: [...roles.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, e]) => ({
        name,
        weight: 1,
        ...nonEmpty('frameworks', [...e.frameworks].map(id)),
        ...nonEmpty('resources', e.allocated),
        ...nonEmpty('allocated', e.allocated),
        ...nonEmpty('reserved', e.reserved),
      })),
  }
}
