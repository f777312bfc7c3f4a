/**
 * The BFF's in-memory copy of the Mesos master, so node and dashboard views cost a lookup
 * instead of a `/master/state-summary` read per request (at 10,000 agents / 100,000 tasks that
 * read is ~12 MB and half a second of master CPU).
 *
 * Tasks come from the v1 SUBSCRIBE stream (SUBSCRIBED snapshot, then TASK_ADDED/TASK_UPDATED),
 * so per-agent allocation and TASK_* counters move with every task event. Agents' own flags
 * (active, deactivated, drain state) and machine maintenance are not on the operator stream
 * (Mesos has no AGENT_UPDATED event), so they come from `state-summary` and
 * `maintenance/status`, re-read by the feed on AGENT_ADDED, after the BFF's own maintenance
 * actions and on a slow timer. Allocation and counters are always computed from the task table,
 * never taken from the summary, so the two sources cannot disagree.
 *
 * `summary()` materializes the same `MesosStateSummary` shape the views already read, rebuilding
 * only the agents that changed since the last call.
 */
import type { ResourceAmounts } from '@meridian/api'
import type { MesosAgentSummary, MesosEvent, MesosFrameworkSummary, MesosMaintenanceStatus, MesosStateSummary } from '../upstreams/mesos/index.ts'
import { addAmounts, emptyAmounts, roundAmounts } from '../views/nodes/resources.ts'
import { isTerminalState, TaskTable, type MirrorTask } from './task-table.ts'

/** What one event changed, for the feed to turn into deltas. */
export interface MirrorChange {
  /** the task that changed (TASK_ADDED/TASK_UPDATED of a known task) */
  task?: MirrorTask
  /** agents whose allocation, counters or flags moved */
  agents: string[]
  /** agents removed */
  removedAgents: string[]
  /**
   * an agent was added, or a task update says an agent's connection changed (Mesos has no agent
   * event for that): agents must be (re)read from state-summary
   */
  needsAgentInfo: boolean
  /** an event the mirror cannot apply (e.g. an update of a task it never saw): resubscribe */
  inconsistent: boolean
}

const noChange = (): MirrorChange => ({ agents: [], removedAgents: [], needsAgentInfo: false, inconsistent: false })

/** Task update reasons that mean the agent's connection to the master changed. */
const AGENT_CONNECTION_REASONS = new Set(['REASON_AGENT_DISCONNECTED', 'REASON_AGENT_UNREACHABLE', 'REASON_AGENT_REREGISTERED', 'REASON_SLAVE_DISCONNECTED', 'REASON_SLAVE_REREGISTERED', 'REASON_RECONCILIATION'])

export class MesosMirror {
  readonly tasks: TaskTable
  private readonly agentInfo = new Map<string, MesosAgentSummary>()
  private readonly frameworks = new Map<string, { id: string; name: string; active: boolean }>()
  private maintenance: MesosMaintenanceStatus | undefined
  private cluster: Pick<MesosStateSummary, 'hostname' | 'cluster'> = {}
  private readonly built = new Map<string, MesosAgentSummary>()
  private readonly stale = new Set<string>()
  private materialized: MesosStateSummary | undefined
  private tasksLoaded = false
  private agentsLoaded = false
  /** Bumped on every change; caches key on it. */
  version = 0
  /** Bumped when agents come, go or change hostname (the list's order may move). */
  agentsVersion = 0
  /** Bumped when the maintenance status read differs from the last one. */
  maintenanceVersion = 0

  constructor(completedPerFramework?: number) {
    this.tasks = new TaskTable(completedPerFramework)
  }

  /** True once a SUBSCRIBED snapshot and a state-summary have been applied. */
  get synced(): boolean {
    return this.tasksLoaded && this.agentsLoaded
  }

  /** The stream was lost: answers must come from the master again until the next snapshot. */
  desync(): void {
    this.tasksLoaded = false
    this.touch()
  }

  /** Applies one SUBSCRIBE event. */
  apply(event: MesosEvent): MirrorChange {
    const change = noChange()
    switch (event.type) {
      case 'SUBSCRIBED': {
        this.tasks.clear()
        const s = event.subscribed.get_state
        const t = s?.get_tasks
        for (const task of [...(t?.tasks ?? []), ...(t?.unreachable_tasks ?? []), ...(t?.completed_tasks ?? [])]) this.tasks.add(task)
        this.frameworks.clear()
        for (const f of s?.get_frameworks?.frameworks ?? []) this.setFramework(f.framework_info, true)
        for (const id of this.agentInfo.keys()) this.stale.add(id)
        this.tasksLoaded = true
        change.agents.push(...this.agentInfo.keys())
        break
      }
      case 'TASK_ADDED': {
        const c = this.tasks.add(event.task_added.task)
        change.task = c.task
        this.markAgent(c.task.agentId, change)
        break
      }
      case 'TASK_UPDATED': {
        const u = event.task_updated
        const c = this.tasks.update(u.status.task_id?.value ?? '', u.state, u.status)
        if (!c) {
          change.inconsistent = true
          break
        }
        change.task = c.task
        if (c.agentChanged) this.markAgent(c.task.agentId, change)
        if (u.state === 'TASK_UNREACHABLE' || (u.status.reason !== undefined && AGENT_CONNECTION_REASONS.has(u.status.reason))) change.needsAgentInfo = true
        // A draining agent turns DRAINED when its last task ends; Mesos says so only in state-summary.
        if (isTerminalState(u.state) && this.agentInfo.get(c.task.agentId)?.drain_info?.state === 'DRAINING') change.needsAgentInfo = true
        break
      }
      case 'AGENT_ADDED':
        change.needsAgentInfo = true
        break
      case 'AGENT_REMOVED': {
        const id = event.agent_removed.agent_id.value
        if (this.agentInfo.delete(id)) {
          change.removedAgents.push(id)
          this.agentsVersion++
        }
        this.built.delete(id)
        this.stale.delete(id)
        break
      }
      case 'FRAMEWORK_ADDED':
        this.setFramework(event.framework_added.framework.framework_info, true)
        break
      case 'FRAMEWORK_UPDATED':
        this.setFramework(event.framework_updated.framework.framework_info, true)
        break
      case 'FRAMEWORK_REMOVED':
        if (event.framework_removed.framework_info.id) this.frameworks.delete(event.framework_removed.framework_info.id.value)
        break
      default:
        return change
    }
    this.touch()
    return change
  }

  /**
   * Takes agents' static info and flags (and the cluster name) from a state-summary read; the
   * summary's own counters and used resources are ignored. Returns the agents that changed,
   * were added or disappeared.
   */
  loadAgents(summary: MesosStateSummary): { changed: string[]; removed: string[] } {
    const changed: string[] = []
    const seen = new Set<string>()
    this.cluster = { ...(summary.hostname !== undefined ? { hostname: summary.hostname } : {}), ...(summary.cluster !== undefined ? { cluster: summary.cluster } : {}) }
    for (const raw of summary.slaves ?? []) {
      const info = stripDerived(raw)
      seen.add(info.id)
      const prev = this.agentInfo.get(info.id)
      if (!prev || !sameFlags(prev, info)) {
        changed.push(info.id)
        this.stale.add(info.id)
        if (prev?.hostname !== info.hostname) this.agentsVersion++
      }
      this.agentInfo.set(info.id, info)
    }
    const removed: string[] = []
    for (const id of this.agentInfo.keys()) {
      if (!seen.has(id)) {
        this.agentsVersion++
        removed.push(id)
        this.agentInfo.delete(id)
        this.built.delete(id)
        this.stale.delete(id)
      }
    }
    for (const f of summary.frameworks ?? []) if (!this.frameworks.has(f.id)) this.frameworks.set(f.id, { id: f.id, name: f.name, active: f.active !== false })
    this.agentsLoaded = true
    this.touch()
    return { changed, removed }
  }

  /** Stores `/master/maintenance/status`; true when it differs from what was held. */
  setMaintenance(status: MesosMaintenanceStatus | undefined): boolean {
    const same = JSON.stringify(status) === JSON.stringify(this.maintenance)
    this.maintenance = status
    if (!same) {
      this.maintenanceVersion++
      this.touch()
    }
    return !same
  }

  /** The last maintenance status read (undefined when the master has none or it failed). */
  maintenanceStatus(): MesosMaintenanceStatus | undefined {
    return this.maintenance
  }

  /** The state-summary shape, with allocation and counters from the task table. */
  summary(): MesosStateSummary {
    if (this.materialized && this.stale.size === 0) return this.materialized
    for (const id of this.stale) {
      const info = this.agentInfo.get(id)
      if (info) this.built.set(id, this.buildAgent(info))
    }
    this.stale.clear()
    const frameworks: MesosFrameworkSummary[] = []
    for (const f of this.frameworks.values()) frameworks.push({ ...f, ...(this.tasks.frameworkCounters.get(f.id) ?? {}) } as MesosFrameworkSummary)
    this.materialized = { ...this.cluster, slaves: [...this.built.values()], frameworks }
    return this.materialized
  }

  /** One agent as the summary lists it, or undefined. */
  agent(agentId: string): MesosAgentSummary | undefined {
    if (this.stale.has(agentId)) this.summary()
    return this.built.get(agentId)
  }

  private markAgent(agentId: string, change: MirrorChange): void {
    if (!this.agentInfo.has(agentId)) return
    this.stale.add(agentId)
    change.agents.push(agentId)
  }

  private setFramework(info: { id?: { value: string }; name: string }, active: boolean): void {
    if (info.id) this.frameworks.set(info.id.value, { id: info.id.value, name: info.name, active })
  }

  private buildAgent(info: MesosAgentSummary): MesosAgentSummary {
    const used: ResourceAmounts = emptyAmounts()
    for (const t of this.tasks.activeOn(info.id)) addAmounts(used, t.resources)
    const r = roundAmounts(used)
    return {
      ...info,
      used_resources: { cpus: r.cpus, mem: r.mem, disk: r.disk, gpus: r.gpus },
      framework_ids: this.tasks.frameworksOn(info.id),
      ...(this.tasks.agentCounters.get(info.id) ?? {}),
    } as MesosAgentSummary
  }

  private touch(): void {
    this.version++
    this.materialized = undefined
  }
}

/** The summary entry without what the mirror derives itself (counters, used, framework ids). */
function stripDerived(a: MesosAgentSummary): MesosAgentSummary {
  const out: Record<string, unknown> = {}
  for (const k in a) {
    if (k.charCodeAt(0) === 84 /* T */ && k.startsWith('TASK_')) continue
    if (k === 'used_resources' || k === 'offered_resources' || k === 'framework_ids') continue
    out[k] = (a as unknown as Record<string, unknown>)[k]
  }
  return out as unknown as MesosAgentSummary
}

function sameFlags(a: MesosAgentSummary, b: MesosAgentSummary): boolean {
  const ra = a.resources
  const rb = b.resources
  return (
    a.active === b.active &&
    a.deactivated === b.deactivated &&
    a.drain_info?.state === b.drain_info?.state &&
    a.hostname === b.hostname &&
    a.reregistered_time === b.reregistered_time &&
    ra?.cpus === rb?.cpus &&
    ra?.mem === rb?.mem &&
    ra?.disk === rb?.disk &&
    ra?.gpus === rb?.gpus
  )
}
