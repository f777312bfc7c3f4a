/**
 * Metronome's stores in one place: job specs with their schedules, active runs and history.
 * Active runs are indexed by task id so Mesos status updates find their run in O(1).
 */
import { emptyHistory, type FinishedRunInfo, type JobHistory, type JobRun, type JobSpec, type ScheduleSpec } from '../model/types.ts'

/** Finished runs kept per job and outcome (Metronome's `history_count`, default 5). */
export const HISTORY_COUNT = 5

export interface JobEntry {
  spec: JobSpec
  schedules: ScheduleSpec[]
  history: JobHistory
  /** INITIAL/STARTING/ACTIVE runs by run id, in creation order. */
  runs: Map<string, JobRun>
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobEntry>()
  private readonly runByTask = new Map<string, JobRun>()

  get(id: string): JobEntry | undefined {
    return this.jobs.get(id)
  }

  has(id: string): boolean {
    return this.jobs.has(id)
  }

  /** Jobs sorted by id, as Metronome's repository lists them. */
  list(): JobEntry[] {
    return [...this.jobs.values()].sort((a, b) => (a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0))
  }

  create(spec: JobSpec, schedules: ScheduleSpec[] = []): JobEntry {
    const entry: JobEntry = { spec, schedules, history: emptyHistory(), runs: new Map() }
    this.jobs.set(spec.id, entry)
    return entry
  }

  delete(id: string): JobEntry | undefined {
    const entry = this.jobs.get(id)
    if (!entry) return undefined
    this.jobs.delete(id)
    for (const run of entry.runs.values()) for (const t of run.tasks) this.runByTask.delete(t.id)
    return entry
  }

  indexTask(taskId: string, run: JobRun): void {
    this.runByTask.set(taskId, run)
  }

  runOfTask(taskId: string): JobRun | undefined {
    return this.runByTask.get(taskId)
  }

  /** Moves a finished run from the active set into the job's history. */
  archive(run: JobRun): void {
    for (const t of run.tasks) this.runByTask.delete(t.id)
    const entry = this.jobs.get(run.jobId)
    if (!entry || !entry.runs.delete(run.id)) return
    const finishedAt = run.completedAt ?? run.createdAt
    const info: FinishedRunInfo = { id: run.id, createdAt: run.createdAt, finishedAt, tasks: run.tasks.map((t) => t.id) }
    const h = entry.history
    if (run.status === 'SUCCESS') {
      h.successCount++
      h.lastSuccessAt = finishedAt
      h.successfulFinishedRuns = [info, ...h.successfulFinishedRuns].slice(0, HISTORY_COUNT)
    } else {
      h.failureCount++
      h.lastFailureAt = finishedAt
      h.failedFinishedRuns = [info, ...h.failedFinishedRuns].slice(0, HISTORY_COUNT)
    }
  }
}
