/**
 * v0 JSON (Mesos' hand-written writers in src/common/http.cpp and
 * src/master/readonly_handler.cpp): flat string ids, float-second times, resource summaries.
 */
import type { MesosMaster } from '../state/master.ts'
import type { SimAgent, SimFramework, SimTask, SimTaskStatus } from '../state/types.ts'
import { containerIdOf, executorIdOf } from '../sandbox/executor-sandbox.ts'
import { agentTotalPieces, piecesToResources } from './agent-resources.ts'
import { BUILD, masterFlags } from './master-info.ts'
import { composite, RawJsonArray } from './raw-json.ts'
import { cachedTaskV0Json } from './render-cache.ts'
import { TaskIndex } from './task-index.ts'
import { BagAccumulator, EMPTY_SUMMARY, fullResources, summary, type ResourceSummary } from './wire-resources.ts'

export const AGENT_CAPABILITIES = ['MULTI_ROLE', 'HIERARCHICAL_ROLE', 'RESERVATION_REFINEMENT', 'RESOURCE_PROVIDER', 'RESIZE_VOLUME', 'AGENT_OPERATION_FEEDBACK', 'AGENT_DRAINING', 'TASK_RESOURCE_LIMITS']
export const MASTER_CAPABILITIES = ['AGENT_UPDATE', 'AGENT_DRAINING', 'QUOTA_V2']

function containerStatus(containerId: string, status: SimTaskStatus) {
  return {
    container_id: { value: containerId },
    ...(status.containerIp ? { network_infos: [{ ip_addresses: [{ protocol: 'IPv4', ip_address: status.containerIp }] }] } : {}),
  }
}

export function statusV0(containerId: string, s: SimTaskStatus) {
  return {
    state: s.state,
    timestamp: s.timestamp,
    container_status: containerStatus(containerId, s),
    ...(s.healthy !== undefined ? { healthy: s.healthy } : {}),
  }
}

/** DiscoveryInfo / ContainerInfo / HealthCheck protobuf JSON shared by v0 and v1 tasks. */
export function taskProtoExtras(task: SimTask) {
  return {
    ...(task.portNames
      ? { discovery: { visibility: 'FRAMEWORK', name: task.name, ports: { ports: task.hostPorts.map((number, i) => ({ number, ...(task.portNames?.[i] ? { name: task.portNames[i] } : {}), protocol: 'tcp' })) } } }
      : {}),
    ...(task.container
      ? {
          container: task.container.type === 'DOCKER'
            ? { type: 'DOCKER', docker: { image: task.container.image ?? '', network: 'HOST', privileged: false, force_pull_image: false } }
            : { type: 'MESOS', ...(task.container.image ? { mesos: { image: { type: 'DOCKER', docker: { name: task.container.image }, cached: true } } } : {}) },
        }
      : {}),
    ...(task.healthCheck
      ? {
          health_check: {
            delay_seconds: 15,
            interval_seconds: 60,
            timeout_seconds: 20,
            consecutive_failures: 3,
            grace_period_seconds: 300,
            type: task.healthCheck.type,
            ...(task.healthCheck.type === 'HTTP' ? { http: { scheme: 'http', port: task.hostPorts[task.healthCheck.portIndex ?? 0] ?? 0, path: task.healthCheck.path ?? '/', protocol: 'IPv4' } } : {}),
            ...(task.healthCheck.type === 'TCP' ? { tcp: { port: task.hostPorts[task.healthCheck.portIndex ?? 0] ?? 0, protocol: 'IPv4' } } : {}),
            ...(task.healthCheck.type === 'COMMAND' ? { command: { shell: true, value: task.command ?? 'true' } } : {}),
          },
        }
      : {}),
  }
}

function statusesV0(task: SimTask) {
  // One container id per task (hashing it per status dominated /master/state at 100k tasks).
  const containerId = containerIdOf(task.agentId, task.frameworkId, executorIdOf(task))
  return task.statuses.map((s) => statusV0(containerId, s))
}

export function taskV0(task: SimTask) {
  return {
    id: task.id,
    name: task.name,
    framework_id: task.frameworkId,
    executor_id: task.executorId,
    slave_id: task.agentId,
    state: task.state,
    resources: summary(task.resources),
    role: task.role,
    statuses: statusesV0(task),
    ...(task.user !== undefined ? { user: task.user } : {}),
    ...(task.labels.length > 0 ? { labels: task.labels } : {}),
    ...taskProtoExtras(task),
  }
}

/** `JSON.stringify(taskV0(task))`, cached per task revision (render-cache.ts). */
export function taskV0Json(task: SimTask): string {
  return cachedTaskV0Json(task, taskV0)
}

function domain(agent: SimAgent) {
  return { fault_domain: { region: { name: agent.region }, zone: { name: agent.zone } } }
}

/** SlaveWriter: the agent object of /master/state, /master/slaves and state-summary. */
export function agentV0(agent: SimAgent) {
  const reserved: Record<string, BagAccumulator> = {}
  let unreserved: ResourceSummary = { ...EMPTY_SUMMARY }
  for (const piece of agentTotalPieces(agent)) {
    if (piece.reservedRole === undefined) unreserved = summary(piece.bag)
    else (reserved[piece.reservedRole] ??= new BagAccumulator()).add(piece.bag)
  }
  return {
    id: agent.id,
    hostname: agent.hostname,
    port: agent.port,
    attributes: agent.attributes,
    domain: domain(agent),
    pid: `slave(1)@${agent.ip}:${agent.port}`,
    registered_time: agent.registeredTime,
    ...(agent.reregisteredTime !== undefined ? { reregistered_time: agent.reregisteredTime } : {}),
    resources: summary(agent.total),
    used_resources: summary(agent.used),
    offered_resources: { ...EMPTY_SUMMARY },
    reserved_resources: Object.fromEntries(Object.entries(reserved).map(([role, acc]) => [role, summary(acc.bag())])),
    unreserved_resources: unreserved,
    active: agent.active && !agent.deactivated,
    deactivated: agent.deactivated,
    version: agent.version,
    capabilities: AGENT_CAPABILITIES,
    ...(agent.drain ? { drain_info: agent.drain, estimated_drain_start_time_seconds: agent.reregisteredTime ?? agent.registeredTime } : {}),
  }
}

/** The `/master/slaves` form: the agent plus full Resource protobufs. */
export function agentFullV0(agent: SimAgent) {
  const pieces = agentTotalPieces(agent)
  const reservedFull: Record<string, ReturnType<typeof fullResources>> = {}
  for (const p of pieces) if (p.reservedRole !== undefined) (reservedFull[p.reservedRole] ??= []).push(...fullResources(p.bag, p.ctx))
  return {
    ...agentV0(agent),
    reserved_resources_full: reservedFull,
    unreserved_resources_full: piecesToResources(pieces.filter((p) => p.reservedRole === undefined)),
    used_resources_full: fullResources(agent.used, { reservations: [] }),
    offered_resources_full: [],
  }
}

export function frameworkSummaryV0(fw: SimFramework, index: TaskIndex) {
  return {
    id: fw.id,
    name: fw.name,
    // HTTP frameworks have no pid (Marathon, Metronome and the SDK use the scheduler HTTP API).
    used_resources: summary(index.frameworkUsed(fw.id)),
    offered_resources: { ...EMPTY_SUMMARY },
    capabilities: fw.capabilities,
    hostname: fw.hostname,
    webui_url: fw.webuiUrl ?? '',
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
  }
}

/** The framework object of `/master/state` and `/master/frameworks`; its task lists are cached JSON (serialize with raw-json.ts). */
export function frameworkFullV0(master: MesosMaster, fw: SimFramework, index: TaskIndex) {
  const active: SimTask[] = []
  const unreachable: SimTask[] = []
  for (const id of fw.taskIds) {
    const t = master.tasks.get(id)
    if (t) (t.state === 'TASK_UNREACHABLE' ? unreachable : active).push(t)
  }
  const completed: SimTask[] = []
  for (const id of fw.completedTaskIds) {
    const t = master.completedTasks.get(id)
    if (t) completed.push(t)
  }
  const multiRole = fw.capabilities.includes('MULTI_ROLE')
  return composite({
    ...frameworkSummaryV0(fw, index),
    user: fw.user,
    failover_timeout: fw.failoverTimeout,
    checkpoint: fw.checkpoint,
    registered_time: fw.registeredTime,
    unregistered_time: fw.unregisteredTime ?? 0,
    ...(fw.principal !== undefined ? { principal: fw.principal } : {}),
    resources: summary(index.frameworkUsed(fw.id)),
    ...(fw.reregisteredTime !== undefined && fw.reregisteredTime !== fw.registeredTime ? { reregistered_time: fw.reregisteredTime } : {}),
    ...(multiRole ? { roles: fw.roles } : { role: fw.roles[0] ?? '*' }),
    tasks: new RawJsonArray(active.map(taskV0Json)),
    unreachable_tasks: new RawJsonArray(unreachable.map(taskV0Json)),
    completed_tasks: new RawJsonArray(completed.map(taskV0Json)),
    offers: [],
    executors: executorsV0(fw, active),
    ...(fw.labels.length > 0 ? { labels: fw.labels } : {}),
    offer_constraints: {},
  })
}

/** Custom/default executors the master knows of (command executors are agent-side only). */
function executorsV0(fw: SimFramework, tasks: SimTask[]) {
  const seen = new Map<string, SimTask[]>()
  for (const t of tasks) {
    if (t.executorId === '') continue
    const key = `${t.agentId}\u0000${t.executorId}`
    const list = seen.get(key)
    if (list) list.push(t)
    else seen.set(key, [t])
  }
  return [...seen.values()].map((group) => {
    const t = group[0]!
    return {
      executor_id: t.executorId,
      name: t.executorId,
      framework_id: fw.id,
      command: { shell: true, value: t.command ?? '' },
      resources: summary({ cpus: 0.1, mem: 32, disk: 10, gpus: 0, ports: [] }),
      type: 'DEFAULT',
      slave_id: t.agentId,
    }
  })
}

/** `/master/state`; serialize with raw-json.ts (task lists are cached JSON). */
export function stateV0(master: MesosMaster) {
  const index = new TaskIndex(master)
  const agents = [...master.agents.values()]
  return composite({
    ...BUILD,
    start_time: master.startTime,
    elected_time: master.startTime,
    id: master.id,
    pid: master.pid,
    hostname: master.hostname,
    capabilities: MASTER_CAPABILITIES,
    activated_slaves: agents.filter((a) => a.status === 'connected' && !a.deactivated).length,
    deactivated_slaves: agents.filter((a) => a.deactivated).length,
    unreachable_slaves: agents.filter((a) => a.status === 'unreachable').length,
    leader: master.pid,
    leader_info: { id: master.id, pid: master.pid, port: 5050, hostname: master.hostname },
    cluster: master.clusterName,
    log_dir: '/var/log/mesos',
    flags: masterFlags(master),
    slaves: connectedAgentsJson(master, (a) => JSON.stringify(agentV0(a))),
    recovered_slaves: [],
    frameworks: composite([...master.frameworks.values()].map((f) => frameworkFullV0(master, f, index))),
    completed_frameworks: composite([...master.completedFrameworks.values()].map((f) => frameworkFullV0(master, f, index))),
    orphan_tasks: [],
    unregistered_frameworks: [],
  })
}

/**
 * The connected agents, each serialized as soon as it is built: 10,000 agent object graphs
 * kept alive until one final stringify get promoted to the old generation and cost major GCs.
 */
function connectedAgentsJson(master: MesosMaster, render: (agent: SimAgent) => string): RawJsonArray {
  const items: string[] = []
  for (const a of master.agents.values()) if (a.status === 'connected') items.push(render(a))
  return new RawJsonArray(items)
}

/** `/master/state-summary`; serialize with raw-json.ts. */
export function stateSummaryV0(master: MesosMaster) {
  const index = new TaskIndex(master)
  return composite({
    hostname: master.hostname,
    cluster: master.clusterName,
    slaves: connectedAgentsJson(master, (a) => JSON.stringify(Object.assign(agentV0(a), index.agentCounters.get(a.id) ?? TaskIndex.zero(), { framework_ids: [...(index.frameworksOnAgent.get(a.id) ?? [])] }))),
    frameworks: [...master.frameworks.values()].map((f) => ({
      ...frameworkSummaryV0(f, index),
      ...(index.frameworkCounters.get(f.id) ?? TaskIndex.zero()),
      slave_ids: [...(index.agentsOfFramework.get(f.id) ?? [])],
    })),
  })
}
