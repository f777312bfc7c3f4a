/**
 * The tasks of the Mesos mirror: every active and unreachable task, and the completed ones
 * Mesos still reports (bounded per framework like the master's
 * `--max_completed_tasks_per_framework`, default 1000). Entries are compact (ids, state,
 * scalar resources, last status) so 100,000 tasks stay within tens of MB. Per agent and per
 * framework it keeps the TASK_* counters `/master/state-summary` reports, so the mirror can
 * answer with the same numbers without asking the master.
 */
import type { ResourceAmounts, TaskStateName } from '@meridian/api'
import { TASK_STATE_NAMES, TERMINAL_TASK_STATES } from '@meridian/api'
import type { V1Task, V1TaskStatus } from '../upstreams/mesos/index.ts'
import { amountsFromV1 } from '../views/nodes/resources.ts'

/** One task as the mirror keeps it. */
export interface MirrorTask {
  id: string
  name: string
  frameworkId: string
  agentId: string
  state: TaskStateName
  resources: ResourceAmounts
  healthy: boolean | null
  /** ms since epoch of the latest status */
  updatedAt: number | null
}

/** The counters state-summary reports (Mesos leaves GONE, DROPPED and UNKNOWN out). */
const SUMMARY_STATES = new Set<string>(['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING', 'TASK_KILLING', 'TASK_FINISHED', 'TASK_KILLED', 'TASK_FAILED', 'TASK_LOST', 'TASK_ERROR', 'TASK_UNREACHABLE'])
const KNOWN = new Set<string>(TASK_STATE_NAMES)
// TASK_LOST, GONE and DROPPED end a task too (Mesos moves them to completed_tasks).
const TERMINAL = new Set<string>([...TERMINAL_TASK_STATES, 'TASK_LOST', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR', 'TASK_DROPPED'])

/** Default cap of completed tasks kept per framework (Mesos' default). */
export const COMPLETED_PER_FRAMEWORK = 1000

/** A state name as the console knows it. */
export function taskState(s: string): TaskStateName {
  return KNOWN.has(s) ? (s as TaskStateName) : 'TASK_UNKNOWN'
}

/** Whether a state ends the task. */
export function isTerminalState(s: string): boolean {
  return TERMINAL.has(s)
}

export type Counters = Partial<Record<TaskStateName, number>>

function bump(map: Map<string, Counters>, key: string, state: TaskStateName, by: 1 | -1): void {
  if (!SUMMARY_STATES.has(state)) return
  let c = map.get(key)
  if (!c) map.set(key, (c = {}))
  const n = (c[state] ?? 0) + by
  if (n > 0) c[state] = n
  else delete c[state]
}

function fromV1(t: V1Task): MirrorTask {
  const last = t.statuses?.at(-1)
  return {
    id: t.task_id.value,
    name: t.name,
    frameworkId: t.framework_id.value,
    agentId: t.agent_id.value,
    state: taskState(t.state),
    resources: amountsFromV1(t.resources),
    healthy: typeof last?.healthy === 'boolean' ? last.healthy : null,
    updatedAt: typeof last?.timestamp === 'number' ? Math.round(last.timestamp * 1000) : null,
  }
}

/** What one task event changed: the agent (allocation or counters moved) and the task. */
export interface TaskChange {
  task: MirrorTask
  /** the agent's counters or allocation changed (a health-only update changes neither) */
  agentChanged: boolean
}

export class TaskTable {
  private readonly active = new Map<string, MirrorTask>()
  private readonly completed = new Map<string, MirrorTask>()
  private readonly completedOrder = new Map<string, string[]>()
  private readonly byAgent = new Map<string, Set<string>>()
  readonly agentCounters = new Map<string, Counters>()
  readonly frameworkCounters = new Map<string, Counters>()

  constructor(private readonly completedCap = COMPLETED_PER_FRAMEWORK) {}

  /** Active + unreachable tasks. */
  get activeCount(): number {
    return this.active.size
  }

  /** Forgets everything (a new SUBSCRIBED snapshot follows). */
  clear(): void {
    this.active.clear()
    this.completed.clear()
    this.completedOrder.clear()
    this.byAgent.clear()
    this.agentCounters.clear()
    this.frameworkCounters.clear()
  }

  /** Loads a task from a snapshot or TASK_ADDED; a known id is replaced. */
  add(t: V1Task): TaskChange {
    const task = fromV1(t)
    this.remove(task.id)
    if (isTerminalState(task.state)) this.complete(task)
    else this.activate(task)
    return { task, agentChanged: true }
  }

  /** Applies a TASK_UPDATED status; null when the task is unknown (the caller resyncs). */
  update(taskId: string, state: string, status: V1TaskStatus): TaskChange | null {
    const cur = this.active.get(taskId)
    if (!cur) {
      // A late status of a task that already ended changes nothing; an unknown one is a gap.
      const done = this.completed.get(taskId)
      return done ? { task: done, agentChanged: false } : null
    }
    const next: MirrorTask = {
      ...cur,
      state: taskState(state),
      healthy: typeof status.healthy === 'boolean' ? status.healthy : state === cur.state ? cur.healthy : null,
      updatedAt: typeof status.timestamp === 'number' ? Math.round(status.timestamp * 1000) : cur.updatedAt,
    }
    if (next.state === cur.state) {
      this.active.set(taskId, next)
      return { task: next, agentChanged: false }
    }
    this.remove(taskId)
    if (isTerminalState(next.state)) this.complete(next)
    else this.activate(next)
    return { task: next, agentChanged: true }
  }

  /** Active (incl. unreachable) tasks on an agent. */
  activeOn(agentId: string): MirrorTask[] {
    const out: MirrorTask[] = []
    for (const id of this.byAgent.get(agentId) ?? []) {
      const t = this.active.get(id)
      if (t) out.push(t)
    }
    return out
  }

  /** Completed tasks still reported for an agent (a scan: completed tasks are bounded). */
  completedOn(agentId: string): MirrorTask[] {
    const out: MirrorTask[] = []
    for (const t of this.completed.values()) if (t.agentId === agentId) out.push(t)
    return out
  }

  /** Every active task (for views that sum over the cluster). */
  activeTasks(): IterableIterator<MirrorTask> {
    return this.active.values()
  }

  /** Frameworks with tasks on an agent. */
  frameworksOn(agentId: string): string[] {
    const out = new Set<string>()
    for (const t of this.activeOn(agentId)) out.add(t.frameworkId)
    return [...out]
  }

  private activate(t: MirrorTask): void {
    this.active.set(t.id, t)
    let ids = this.byAgent.get(t.agentId)
    if (!ids) this.byAgent.set(t.agentId, (ids = new Set()))
    ids.add(t.id)
    this.count(t, 1)
  }

  private complete(t: MirrorTask): void {
    this.completed.set(t.id, t)
    this.count(t, 1)
    let order = this.completedOrder.get(t.frameworkId)
    if (!order) this.completedOrder.set(t.frameworkId, (order = []))
    order.push(t.id)
    if (order.length > this.completedCap) {
      for (const id of order.splice(0, order.length - this.completedCap)) {
        const old = this.completed.get(id)
        if (old) {
          this.completed.delete(id)
          this.count(old, -1)
        }
      }
    }
  }

  private remove(taskId: string): void {
    const a = this.active.get(taskId)
    if (a) {
      this.active.delete(taskId)
      this.byAgent.get(a.agentId)?.delete(taskId)
      this.count(a, -1)
    }
    const c = this.completed.get(taskId)
    if (c) {
      this.completed.delete(taskId)
      this.count(c, -1)
    }
  }

  private count(t: MirrorTask, by: 1 | -1): void {
    bump(this.agentCounters, t.agentId, t.state, by)
    bump(this.frameworkCounters, t.frameworkId, t.state, by)
  }
}
