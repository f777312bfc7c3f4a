/**
 * The simulated clock every emulated service runs on.
 *
 * Virtual time starts at a fixed epoch (so a seeded cluster is reproducible) and moves either
 * with wall time multiplied by `speed` (`realtime` mode, what the demo uses) or only when a
 * test calls `advance()` (`manual` mode). Timers fire in virtual-time order, so a test that
 * advances by 60 s sees exactly what a demo would see after a minute at speed 1.
 */
export interface Timer {
  cancel(): void
}

interface Scheduled {
  at: number
  seq: number
  fn: () => void
  every?: number
  cancelled: boolean
}

export interface SimClockOptions {
  /** Virtual epoch in ms since 1970 (default: now, rounded to the second). */
  start?: number
  /** Virtual ms per wall ms in realtime mode (MERIDIAN_DEMO_SPEED). */
  speed?: number
  mode?: 'realtime' | 'manual'
  /** Wall-clock tick of the realtime driver, in ms. */
  tickMs?: number
}

export class SimClock {
  private current: number
  private seq = 0
  /** binary min-heap ordered by (at, seq): O(log n) per timer, for 100,000-task clusters */
  private heap: Scheduled[] = []
  private live = 0
  private driver: ReturnType<typeof setInterval> | undefined
  private lastWall = Date.now()
  readonly speed: number
  readonly mode: 'realtime' | 'manual'

  constructor(opts: SimClockOptions = {}) {
    this.current = opts.start ?? Math.floor(Date.now() / 1000) * 1000
    this.speed = opts.speed ?? 1
    this.mode = opts.mode ?? 'realtime'
    if (this.mode === 'realtime') {
      const tick = opts.tickMs ?? 50
      this.lastWall = Date.now()
      this.driver = setInterval(() => {
        const wall = Date.now()
        const delta = (wall - this.lastWall) * this.speed
        this.lastWall = wall
        this.advance(delta)
      }, tick)
      this.driver.unref?.()
    }
  }

  /** Virtual now, ms since epoch. */
  now(): number {
    return this.current
  }

  /** Virtual now in float seconds, the Mesos v0 time format. */
  nowSeconds(): number {
    return this.current / 1000
  }

  /** ISO-8601 with milliseconds, the Marathon/Metronome time format. */
  nowIso(): string {
    return new Date(this.current).toISOString()
  }

  after(ms: number, fn: () => void): Timer {
    return this.push({ at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false })
  }

  every(ms: number, fn: () => void): Timer {
    const period = Math.max(1, ms)
    return this.push({ at: this.current + period, seq: this.seq++, fn, every: period, cancelled: false })
  }

  /** Move virtual time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms)
    for (;;) {
      const next = this.heap[0]
      if (!next || next.at > target) break
      this.pop()
      if (next.cancelled) continue
      this.current = Math.max(this.current, next.at)
      if (next.every !== undefined) {
        next.at += next.every
        next.seq = this.seq++
        this.insert(next)
      } else this.live--
      try {
        next.fn()
      } catch (err) {
        // A faulty timer must not stop the cluster; surface it for debugging.
        console.error('[sim] timer failed', err)
      }
    }
    this.current = target
  }

  /** Number of pending timers (for tests and metrics). */
  pending(): number {
    return this.live
  }

  stop(): void {
    if (this.driver) clearInterval(this.driver)
    this.driver = undefined
    this.heap = []
    this.live = 0
  }

  private push(entry: Scheduled): Timer {
    this.insert(entry)
    this.live++
    return {
      cancel: () => {
        if (entry.cancelled) return
        entry.cancelled = true
        this.live--
      },
    }
  }

  private static before(a: Scheduled, b: Scheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private insert(entry: Scheduled): void {
    const h = this.heap
    h.push(entry)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >>> 1
      if (!SimClock.before(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  private pop(): void {
    const h = this.heap
    const last = h.pop()
    if (!last || h.length === 0) return
    h[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && SimClock.before(h[l]!, h[m]!)) m = l
      if (r < h.length && SimClock.before(h[r]!, h[m]!)) m = r
      if (m === i) break
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
}
