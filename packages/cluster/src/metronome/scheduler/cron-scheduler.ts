/**
 * Fires job schedules on the simulated clock, like Metronome's JobSpecSchedulerActor: one timer
 * per enabled schedule, armed for the next cron instant in the schedule's time zone. When it
 * fires, a FORBID schedule skips the instant if the job has any active run (Metronome 0.4+:
 * "It will not launch nor will be queued to launch"); otherwise a run starts with the
 * schedule's startingDeadlineSeconds. Then the timer is re-armed for the following instant.
 */
import type { SimClock, Timer } from '../../sim/clock.ts'
import { nextCronInstant } from '../model/cron.ts'
import type { JobRegistry } from './job-registry.ts'
import type { JobRunExecutor } from './run-executor.ts'

export class CronScheduler {
  private readonly timers = new Map<string, Timer>()

  constructor(
    private readonly clock: SimClock,
    private readonly registry: JobRegistry,
    private readonly executor: JobRunExecutor,
  ) {}

  /** (Re)arms the job's timer from its current schedules; call after any schedule change. */
  sync(jobId: string): void {
    this.timers.get(jobId)?.cancel()
    this.timers.delete(jobId)
    const entry = this.registry.get(jobId)
    const schedule = entry?.schedules.find((s) => s.enabled)
    if (!entry || !schedule) return
    const now = this.clock.now()
    const next = nextCronInstant(schedule.cron, schedule.timezone, now)
    if (next === undefined) return
    const timer = this.clock.after(next - now, () => {
      this.timers.delete(jobId)
      const current = this.registry.get(jobId)
      // The schedule may have been replaced since the timer was armed; sync() cancels stale ones.
      if (current !== entry || !current.schedules.includes(schedule)) return
      const forbidden = schedule.concurrencyPolicy === 'FORBID' && current.runs.size > 0
      if (!forbidden) this.executor.start(current, { startingDeadlineSeconds: schedule.startingDeadlineSeconds })
      this.sync(jobId)
    })
    this.timers.set(jobId, timer)
  }

  dispose(): void {
    for (const t of this.timers.values()) t.cancel()
    this.timers.clear()
  }
}
