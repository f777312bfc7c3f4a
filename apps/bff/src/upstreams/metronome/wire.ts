/** Metronome wire shapes the BFF reads (upstream-apis.md §3). Timestamps are `...SSS+0000`. */

/** ScheduleSpec; `nextRunAt` only on output. */
export interface MetronomeSchedule {
  id: string
  cron: string
  timezone?: string
  startingDeadlineSeconds?: number
  concurrencyPolicy?: 'ALLOW' | 'FORBID'
  enabled?: boolean
  nextRunAt?: string
}

/** JobRun task. */
export interface MetronomeRunTask {
  id: string
  status?: string
  startedAt?: string
  completedAt?: string
}

/** JobRun (`activeRuns`, `/runs`). */
export interface MetronomeJobRun {
  id: string
  jobId: string
  status: 'INITIAL' | 'STARTING' | 'ACTIVE' | 'SUCCESS' | 'FAILED'
  createdAt: string
  completedAt?: string | null
  tasks?: MetronomeRunTask[]
}

/** A finished run in `history`. */
export interface MetronomeFinishedRun {
  id: string
  createdAt: string
  finishedAt?: string | null
  tasks?: string[]
}

/** `historySummary`, and the counters part of `history`. */
export interface MetronomeHistorySummary {
  successCount?: number
  failureCount?: number
  lastSuccessAt?: string | null
  lastFailureAt?: string | null
}

/** `history` embed. */
export interface MetronomeHistory extends MetronomeHistorySummary {
  successfulFinishedRuns?: MetronomeFinishedRun[]
  failedFinishedRuns?: MetronomeFinishedRun[]
}

/** JobSpec `run`, only what views read. */
export interface MetronomeRunSpec {
  cmd?: string
  args?: string[]
  cpus?: number
  mem?: number
  disk?: number
  gpus?: number
  docker?: { image?: string }
  ucr?: { image?: { id?: string } }
  [key: string]: unknown
}

/** JobInfo: JobSpec plus the embeds that were asked for. */
export interface MetronomeJob {
  id: string
  description?: string
  labels?: Record<string, string>
  run: MetronomeRunSpec
  schedules?: MetronomeSchedule[]
  activeRuns?: MetronomeJobRun[]
  history?: MetronomeHistory
  historySummary?: MetronomeHistorySummary
  [key: string]: unknown
}
