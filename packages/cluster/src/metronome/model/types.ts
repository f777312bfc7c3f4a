/**
 * Metronome's domain model as the emulator stores it: JobSpec and ScheduleSpec with every
 * default filled (what Metronome's Play JSON formats write back), plus job runs and history.
 * Times are virtual ms since epoch; `render.ts` turns them into Metronome's wire timestamps.
 */

export type ConstraintOperator = 'IS' | 'LIKE' | 'UNLIKE'

export interface ConstraintSpec {
  attribute: string
  operator: ConstraintOperator
  value?: string
}

export interface Artifact {
  uri: string
  extract: boolean
  executable: boolean
  cache: boolean
}

export interface DockerSpec {
  image: string
  forcePullImage: boolean
  privileged: boolean
  parameters: Array<{ key: string; value: string }>
}

export interface UcrSpec {
  image: { id: string; kind: 'docker' | 'appc'; forcePull: boolean }
  privileged: boolean
}

export type VolumeSpec = { containerPath: string; hostPath: string; mode: 'RO' | 'RW' } | { containerPath: string; secret: string }

export interface NetworkSpec {
  mode: 'host' | 'container' | 'container/bridge'
  name?: string
  labels?: Record<string, string>
}

export type EnvValue = string | { secret: string }

export interface RestartSpec {
  policy: 'NEVER' | 'ON_FAILURE'
  activeDeadlineSeconds?: number
}

export interface JobRunSpec {
  cpus: number
  mem: number
  disk: number
  gpus: number
  cmd?: string
  args?: string[]
  user?: string
  env: Record<string, EnvValue>
  placement: { constraints: ConstraintSpec[] }
  artifacts: Artifact[]
  maxLaunchDelay: number
  docker?: DockerSpec
  ucr?: UcrSpec
  volumes: VolumeSpec[]
  restart: RestartSpec
  taskKillGracePeriodSeconds?: number
  secrets: Record<string, { source: string }>
  networks: NetworkSpec[]
}

export interface JobSpec {
  id: string
  description?: string
  labels: Record<string, string>
  dependencies: Array<{ id: string }>
  run: JobRunSpec
}

export type ConcurrencyPolicy = 'ALLOW' | 'FORBID'

export interface ScheduleSpec {
  id: string
  cron: string
  timezone: string
  startingDeadlineSeconds: number
  concurrencyPolicy: ConcurrencyPolicy
  enabled: boolean
}

/** Metronome JobRunStatus names; only the first three are "active". */
export type JobRunStatus = 'INITIAL' | 'STARTING' | 'ACTIVE' | 'SUCCESS' | 'FAILED'

export interface JobRunTask {
  id: string
  startedAt: number
  completedAt?: number
  /** Mesos task state name, e.g. TASK_RUNNING */
  status: string
}

export interface JobRun {
  id: string
  jobId: string
  status: JobRunStatus
  createdAt: number
  completedAt?: number
  tasks: JobRunTask[]
  /** A scheduled run that has not launched a task by then is aborted (startingDeadlineSeconds). */
  startingDeadlineAt?: number
  /** Set by actions/stop and job deletion: no further launches, FAILED once tasks are gone. */
  stopping: boolean
}

/** JobRunInfo in history (newer Metronome adds the task ids). */
export interface FinishedRunInfo {
  id: string
  createdAt: number
  finishedAt: number
  tasks: string[]
}

export interface JobHistory {
  successCount: number
  failureCount: number
  lastSuccessAt?: number
  lastFailureAt?: number
  successfulFinishedRuns: FinishedRunInfo[]
  failedFinishedRuns: FinishedRunInfo[]
}

export function emptyHistory(): JobHistory {
  return { successCount: 0, failureCount: 0, successfulFinishedRuns: [], failedFinishedRuns: [] }
}
