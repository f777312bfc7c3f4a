/**
 * Task update bursts (`POST /api/demo/burst`): `ratePerSecond` real status updates per simulated
 * second for `seconds`, on the cluster clock. Each update flips the health check result of a
 * random running Marathon task with a health check — Mesos reports it as TASK_UPDATED (a new
 * TASK_RUNNING status carrying `healthy`) for Mesos-native checks, Marathon as
 * `health_status_changed_event` / `instance_health_changed_event` (and `status_update_event`
 * for the Mesos update). Used to check that the console stays interactive under load.
 */
import type { SimClock, Timer } from '../sim/clock.ts'
import { SeededRandom } from '../sim/random.ts'

export const MAX_BURST_RATE = 10_000
export const MAX_BURST_SECONDS = 120
/** Updates are emitted every this many simulated ms (rate × tick / 1000 per tick). */
export const BURST_TICK_MS = 100

export interface BurstRequest {
  ratePerSecond: number
  seconds: number
}

export interface BurstStatus {
  running: boolean
  ratePerSecond: number
  seconds: number
  /** updates emitted so far */
  emitted: number
  /** updates due but skipped because the picked task could not flip (no longer running) */
  skipped: number
  /** candidate tasks when the burst started */
  tasks: number
  startedAt: number | null
  endsAt: number | null
}

/** Parses a burst body; returns an error message for anything out of range. */
export function parseBurst(body: unknown): BurstRequest | string {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const { ratePerSecond, seconds } = b
  if (typeof ratePerSecond !== 'number' || !Number.isFinite(ratePerSecond) || ratePerSecond <= 0 || ratePerSecond > MAX_BURST_RATE) {
    return `'ratePerSecond' must be a number in (0, ${MAX_BURST_RATE}]`
  }
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_BURST_SECONDS) {
    return `'seconds' must be a number in (0, ${MAX_BURST_SECONDS}]`
  }
  return { ratePerSecond, seconds }
}

export interface BurstTarget {
  /** ids of the tasks a burst may flip (running, with a health check) */
  candidates(): string[]
  /** flips one task's health; false when it cannot (any more) */
  flip(taskId: string): boolean
}

/** Runs at most one burst at a time on the clock. */
export class BurstRunner {
  private timer: Timer | undefined
  private state: BurstStatus = { running: false, ratePerSecond: 0, seconds: 0, emitted: 0, skipped: 0, tasks: 0, startedAt: null, endsAt: null }
  private readonly random: SeededRandom

  constructor(
    private readonly clock: SimClock,
    private readonly target: BurstTarget,
    seed: number,
  ) {
    this.random = new SeededRandom(seed ^ 0x5eed)
  }

  status(): BurstStatus {
    return { ...this.state }
  }

  /** Starts a burst; 'busy' while one runs, 'no-tasks' when nothing can flip. */
  start(req: BurstRequest): BurstStatus | 'busy' | 'no-tasks' {
    if (this.timer) return 'busy'
    const tasks = this.target.candidates()
    if (tasks.length === 0) return 'no-tasks'
    const startedAt = this.clock.now()
    const endsAt = startedAt + req.seconds * 1000
    this.state = { running: true, ratePerSecond: req.ratePerSecond, seconds: req.seconds, emitted: 0, skipped: 0, tasks: tasks.length, startedAt, endsAt }
    let due = 0
    this.timer = this.clock.every(BURST_TICK_MS, () => {
      const now = Math.min(this.clock.now(), endsAt)
      // Emit what is due by now (integer count of the exact rate), so the total is rate × seconds.
      due = Math.floor((req.ratePerSecond * (now - startedAt)) / 1000)
      while (this.state.emitted + this.state.skipped < due) {
        const id = tasks[this.random.int(0, tasks.length - 1)]!
        if (this.target.flip(id)) this.state.emitted++
        else this.state.skipped++
      }
      if (this.clock.now() >= endsAt) this.stop()
    })
    return this.status()
  }

  stop(): void {
    this.timer?.cancel()
    this.timer = undefined
    this.state.running = false
  }
}
