/**
 * Marathon instances: one per app instance, holding the current Mesos task (apps have one
 * task per instance). Ids follow Marathon ≥1.5: `<safePath>.instance-<uuid>` and task
 * `<instanceId>._app.<incarnation>`.
 */
import type { Timer } from '../../sim/clock.ts'
import type { TaskState } from '../../mesos/state/types.ts'

export type Condition =
  | 'Scheduled'
  | 'Provisioned'
  | 'Staging'
  | 'Starting'
  | 'Running'
  | 'Killing'
  | 'Finished'
  | 'Failed'
  | 'Killed'
  | 'Error'
  | 'Unreachable'
  | 'UnreachableInactive'
  | 'Gone'
  | 'Dropped'
  | 'Unknown'

export interface HealthState {
  /** undefined until the first check result (and during the grace period on failures) */
  alive?: boolean
  consecutiveFailures: number
  firstSuccess?: number
  lastSuccess?: number
  lastFailure?: number
  lastFailureCause?: string
}

export interface Instance {
  instanceId: string
  appId: string
  incarnation: number
  taskId?: string
  agentId?: string
  host?: string
  condition: Condition
  /** app version (runSpecVersion) the instance was launched with */
  version: string
  /** versionInfo.lastConfigChangeAt of that version: decides whether a restart is due */
  configVersion: string
  /** Decommissioned instances are being stopped and are never replaced. */
  goal: 'Running' | 'Decommissioned'
  scheduledAt: number
  stagedAt?: number
  startedAt?: number
  hostPorts: number[]
  health?: HealthState
  ready: boolean
  reservationId?: string
  localVolumes?: Array<{ containerPath: string; persistenceId: string }>
  timers: Timer[]
}

const CONDITIONS: Record<TaskState, Condition> = {
  TASK_STAGING: 'Staging',
  TASK_STARTING: 'Starting',
  TASK_RUNNING: 'Running',
  TASK_KILLING: 'Killing',
  TASK_FINISHED: 'Finished',
  TASK_FAILED: 'Failed',
  TASK_KILLED: 'Killed',
  TASK_ERROR: 'Error',
  TASK_LOST: 'Gone',
  TASK_DROPPED: 'Dropped',
  TASK_UNREACHABLE: 'Unreachable',
  TASK_GONE: 'Gone',
  TASK_GONE_BY_OPERATOR: 'Gone',
  TASK_UNKNOWN: 'Unknown',
}

export function conditionOf(state: TaskState): Condition {
  return CONDITIONS[state]
}

const TERMINAL = new Set<Condition>(['Finished', 'Failed', 'Killed', 'Error', 'Gone', 'Dropped', 'Unknown'])

export function isTerminal(c: Condition): boolean {
  return TERMINAL.has(c)
}

/** Holds resources or is about to (everything but Scheduled and terminal conditions). */
export function isActive(i: Instance): boolean {
  return i.condition !== 'Scheduled' && !isTerminal(i.condition)
}

export function taskIdOf(instanceId: string, incarnation: number): string {
  return `${instanceId}._app.${incarnation}`
}
