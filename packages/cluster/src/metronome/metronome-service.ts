/**
 * Metronome's services behind its HTTP API (JobSpecService, JobRunService, JobInfoService):
 * registers the `metronome` framework on the master and owns the job registry, the run
 * executor and the cron scheduler. Routes call this; it never sees HTTP.
 */
import type { SimClock } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import type { SimFramework } from '../mesos/state/types.ts'
import { nextCronInstant } from './model/cron.ts'
import { renderHistory, renderHistorySummary, renderJobSpec, renderRun, renderSchedule } from './model/render.ts'
import type { JobRun, JobSpec, ScheduleSpec } from './model/types.ts'
import { CronScheduler } from './scheduler/cron-scheduler.ts'
import { JobRegistry, type JobEntry } from './scheduler/job-registry.ts'
import { JobRunExecutor } from './scheduler/run-executor.ts'

export const EMBEDS = ['activeRuns', 'schedules', 'history', 'historySummary'] as const
export type Embed = (typeof EMBEDS)[number]

/** Metronome's HTTP port in DC/OS; also what the framework advertises as webui_url. */
export const METRONOME_PORT = 9000

export type Outcome<T> = { ok: true; value: T } | { ok: false; kind: 'job-not-found' | 'schedule-not-found' | 'run-not-found' | 'conflict'; message?: string }

export class MetronomeService {
  readonly registry = new JobRegistry()
  readonly framework: SimFramework
  readonly executor: JobRunExecutor
  readonly cron: CronScheduler

  constructor(
    readonly clock: SimClock,
    random: SeededRandom,
    readonly master: MesosMaster,
  ) {
    this.framework = master.registerFramework({
      name: 'metronome',
      user: 'root',
      roles: ['*'],
      principal: 'dcos_metronome',
      webuiUrl: `http://${master.ip}:${METRONOME_PORT}`,
    })
    this.executor = new JobRunExecutor(clock, random, master, this.registry, this.framework.id)
    this.cron = new CronScheduler(clock, this.registry, this.executor)
  }

  dispose(): void {
    this.cron.dispose()
    this.executor.dispose()
  }

  createJob(spec: JobSpec, schedules: ScheduleSpec[] = []): Outcome<JobEntry> {
    if (this.registry.has(spec.id)) return { ok: false, kind: 'conflict', message: 'Job with this id already exists' }
    const entry = this.registry.create(spec, schedules)
    this.cron.sync(spec.id)
    return { ok: true, value: entry }
  }

  /** PUT keeps the stored schedules unless `schedules` is given (v0 scheduled-jobs). */
  updateJob(id: string, spec: JobSpec, schedules?: ScheduleSpec[]): Outcome<JobEntry> {
    const entry = this.registry.get(id)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    entry.spec = { ...spec, id }
    if (schedules) {
      entry.schedules = schedules
      this.cron.sync(id)
    }
    return { ok: true, value: entry }
  }

  deleteJob(id: string, stopCurrentJobRuns: boolean): Outcome<JobEntry> {
    const entry = this.registry.get(id)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    if (entry.runs.size > 0 && !stopCurrentJobRuns) {
      return { ok: false, kind: 'conflict', message: 'There are active job runs. Override with stopCurrentJobRuns=true' }
    }
    for (const run of [...entry.runs.values()]) this.executor.stop(run)
    this.registry.delete(id)
    this.cron.sync(id)
    return { ok: true, value: entry }
  }

  /**
   * Scala `require` failures become 409s whose message carries the "requirement failed: "
   * prefix (JobScheduleController recovers IllegalArgumentException as Conflict).
   */
  addSchedule(jobId: string, schedule: ScheduleSpec): Outcome<ScheduleSpec> {
    const entry = this.registry.get(jobId)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    if (entry.schedules.some((s) => s.id === schedule.id)) {
      return { ok: false, kind: 'conflict', message: 'requirement failed: Can only create a non existing schedule' }
    }
    if (entry.schedules.length > 0) return { ok: false, kind: 'conflict', message: 'requirement failed: Only one schedule supported at the moment' }
    entry.schedules = [schedule]
    this.cron.sync(jobId)
    return { ok: true, value: schedule }
  }

  updateSchedule(jobId: string, scheduleId: string, schedule: ScheduleSpec): Outcome<ScheduleSpec> {
    const entry = this.registry.get(jobId)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    if (!entry.schedules.some((s) => s.id === scheduleId)) return { ok: false, kind: 'schedule-not-found' }
    const updated = { ...schedule, id: scheduleId }
    entry.schedules = [updated, ...entry.schedules.filter((s) => s.id !== scheduleId)]
    this.cron.sync(jobId)
    return { ok: true, value: updated }
  }

  deleteSchedule(jobId: string, scheduleId: string): Outcome<null> {
    const entry = this.registry.get(jobId)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    if (!entry.schedules.some((s) => s.id === scheduleId)) return { ok: false, kind: 'schedule-not-found' }
    entry.schedules = entry.schedules.filter((s) => s.id !== scheduleId)
    this.cron.sync(jobId)
    return { ok: true, value: null }
  }

  runNow(jobId: string): Outcome<JobRun> {
    const entry = this.registry.get(jobId)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    return { ok: true, value: this.executor.start(entry) }
  }

  /** Only active runs are known to Metronome's JobRunService; finished ones are history. */
  activeRun(jobId: string, runId: string): JobRun | undefined {
    return this.registry.get(jobId)?.runs.get(runId)
  }

  stopRun(jobId: string, runId: string): Outcome<JobRun> {
    const entry = this.registry.get(jobId)
    if (!entry) return { ok: false, kind: 'job-not-found' }
    const run = entry.runs.get(runId)
    if (!run) return { ok: false, kind: 'run-not-found' }
    this.executor.stop(run)
    return { ok: true, value: run }
  }

  nextRunAt(schedule: ScheduleSpec): number | undefined {
    return nextCronInstant(schedule.cron, schedule.timezone, this.clock.now())
  }

  renderSchedule(schedule: ScheduleSpec): Record<string, unknown> {
    return renderSchedule(schedule, this.nextRunAt(schedule))
  }

  /** JobInfo: the spec plus only the embedded parts that were asked for. */
  renderJobInfo(entry: JobEntry, embeds: ReadonlySet<Embed>): Record<string, unknown> {
    return {
      ...renderJobSpec(entry.spec),
      ...(embeds.has('schedules') ? { schedules: entry.schedules.map((s) => this.renderSchedule(s)) } : {}),
      ...(embeds.has('activeRuns') ? { activeRuns: [...entry.runs.values()].map(renderRun) } : {}),
      ...(embeds.has('history') ? { history: renderHistory(entry.history) } : {}),
      ...(embeds.has('historySummary') ? { historySummary: renderHistorySummary(entry.history) } : {}),
    }
  }

  /** GET /v1/queue: runs waiting for an offer, grouped by job. */
  queue(): Array<{ jobId: string; runs: Array<{ runId: string }> }> {
    const out: Array<{ jobId: string; runs: Array<{ runId: string }> }> = []
    for (const entry of this.registry.list()) {
      const runs = [...entry.runs.values()].filter((r) => this.executor.isQueued(r)).map((r) => ({ runId: r.id }))
      if (runs.length > 0) out.push({ jobId: entry.spec.id, runs })
    }
    return out
  }
}
