/**
 * One pass over every known task, computing what the state renderers need per agent and per
 * framework (used resources, TASK_* counters, which frameworks run where). Renderers build it
 * once per request so a 100,000-task `/master/state` stays linear.
 */
import type { ResourceBag } from '../../sim/resources.ts'
import type { MesosMaster } from '../state/master.ts'
import type { SimTask, TaskState } from '../state/types.ts'
import { BagAccumulator } from './wire-resources.ts'

/** The counters `/master/state-summary` reports (Mesos does not count GONE/DROPPED there). */
export const SUMMARY_STATES = [
  'TASK_STAGING',
  'TASK_STARTING',
  'TASK_RUNNING',
  'TASK_KILLING',
  'TASK_FINISHED',
  'TASK_KILLED',
  'TASK_FAILED',
  'TASK_LOST',
  'TASK_ERROR',
  'TASK_UNREACHABLE',
] as const satisfies readonly TaskState[]

export type StateCounters = Record<(typeof SUMMARY_STATES)[number], number>

function zeroCounters(): StateCounters {
  // A literal (not fromEntries) so every counter object shares one hidden class.
  return { TASK_STAGING: 0, TASK_STARTING: 0, TASK_RUNNING: 0, TASK_KILLING: 0, TASK_FINISHED: 0, TASK_KILLED: 0, TASK_FAILED: 0, TASK_LOST: 0, TASK_ERROR: 0, TASK_UNREACHABLE: 0 }
}

const COUNTED: ReadonlySet<string> = new Set(SUMMARY_STATES)

function link(map: Map<string, Set<string>>, key: string, value: string): void {
  let s = map.get(key)
  if (!s) map.set(key, (s = new Set()))
  s.add(value)
}

function bump(map: Map<string, StateCounters>, key: string, state: TaskState): void {
  let c = map.get(key)
  if (!c) map.set(key, (c = zeroCounters()))
  if (COUNTED.has(state)) c[state as keyof StateCounters]++
}

export class TaskIndex {
  private readonly used = new Map<string, BagAccumulator>()
  private readonly usedBags = new Map<string, ResourceBag>()
  readonly agentCounters = new Map<string, StateCounters>()
  readonly frameworkCounters = new Map<string, StateCounters>()
  readonly frameworksOnAgent = new Map<string, Set<string>>()
  readonly agentsOfFramework = new Map<string, Set<string>>()

  constructor(master: MesosMaster) {
    for (const t of master.tasks.values()) {
      this.count(t)
      if (t.state !== 'TASK_UNREACHABLE') {
        let acc = this.used.get(t.frameworkId)
        if (!acc) this.used.set(t.frameworkId, (acc = new BagAccumulator()))
        acc.add(t.resources)
      }
    }
    for (const t of master.completedTasks.values()) this.count(t)
  }

  /** Resources used by the framework's tasks (merged once, then memoized for the request). */
  frameworkUsed(frameworkId: string): ResourceBag {
    let bag = this.usedBags.get(frameworkId)
    if (!bag) this.usedBags.set(frameworkId, (bag = this.used.get(frameworkId)?.bag() ?? { cpus: 0, mem: 0, disk: 0, gpus: 0, ports: [] }))
    return bag
  }

  private count(t: SimTask): void {
    bump(this.agentCounters, t.agentId, t.state)
    bump(this.frameworkCounters, t.frameworkId, t.state)
    link(this.frameworksOnAgent, t.agentId, t.frameworkId)
    link(this.agentsOfFramework, t.frameworkId, t.agentId)
  }

  static zero(): StateCounters {
    return zeroCounters()
  }
}
