/** Shared resource and task-state vocabulary used by several views. */
import { z } from 'zod'

/** cpus (shares), mem and disk (MB), gpus (count). */
export const ResourceAmountsSchema = z.object({ cpus: z.number(), mem: z.number(), disk: z.number(), gpus: z.number() })
/** cpus (shares), mem and disk (MB), gpus (count). */
export type ResourceAmounts = z.infer<typeof ResourceAmountsSchema>

/** Mesos TaskState names (mesos.proto), in the order the console lists them. */
export const TASK_STATE_NAMES = [
  'TASK_STAGING',
  'TASK_STARTING',
  'TASK_RUNNING',
  'TASK_KILLING',
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_UNREACHABLE',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
  'TASK_UNKNOWN',
] as const
/** A Mesos task state name. */
export type TaskStateName = (typeof TASK_STATE_NAMES)[number]

/** Count of tasks per state; states with no tasks may be absent. */
export type TaskCounts = Partial<Record<TaskStateName, number>>

/** States that hold no resources any more (mesos.proto, `protobuf::isTerminalState` + LOST/GONE_BY_OPERATOR). */
export const TERMINAL_TASK_STATES: readonly TaskStateName[] = [
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
]
