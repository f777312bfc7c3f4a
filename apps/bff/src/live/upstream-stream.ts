/**
 * One long-lived upstream stream (Mesos SUBSCRIBE, Marathon /v2/events), kept open: on loss it
 * reconnects with backoff; a stream that goes quiet for longer than its idle limit is dropped
 * and reopened (a stalled TCP connection never ends by itself). `onLost` says which it was, so
 * a feed can keep a routine quiet-stream reconnect out of the UI.
 *
 * Each start() gets a generation; a loop from an earlier start that wakes from its backoff after
 * stop() + start() sees a newer generation and ends instead of running a second stream.
 */
import { backoffDelay } from './backoff.ts'

/** Handed to `open` for one connection attempt. */
export interface StreamAttempt {
  signal: AbortSignal
  /** Data arrived: re-arms the idle watchdog. */
  alive(): void
  /** The upstream confirmed the subscription: resets the backoff. */
  connected(): void
  /** Changes the idle limit (e.g. from Mesos' heartbeat interval). */
  setIdleMs(ms: number): void
}

export interface UpstreamStreamOptions {
  /** Reads the stream until it ends (resolve) or fails (throw). */
  open(attempt: StreamAttempt): Promise<void>
  /** The stream ended or failed, or was dropped for being quiet (not called after stop()). */
  onLost(reason: 'idle' | 'ended'): void
  /** Default idle limit once connected (ms). */
  idleMs: number
  /** Time allowed from the request until `connected()` (ms; default `idleMs`): a stream that is accepted but never confirms is a failure. */
  connectTimeoutMs?: number
  backoffBaseMs?: number
}

export class UpstreamStream {
  private controller: AbortController | undefined
  private stopped = true
  private generation = 0
  private wake: (() => void) | undefined

  constructor(private readonly opts: UpstreamStreamOptions) {}

  /** Opens the stream (no-op when running). */
  start(): void {
    if (!this.stopped) return
    this.stopped = false
    void this.run(++this.generation)
  }

  /** Closes the stream and ends the loop. */
  stop(): void {
    this.stopped = true
    this.generation++
    this.controller?.abort()
  }

  /** Ends a reconnect backoff now (e.g. a user just logged in, so a token is there to borrow). */
  retryNow(): void {
    this.wake?.()
  }

  /** Drops the current connection and reconnects at once (e.g. the mirror found a gap). */
  reconnect(): void {
    this.controller?.abort()
  }

  get running(): boolean {
    return !this.stopped
  }

  private async run(gen: number): Promise<void> {
    let attempt = 0
    while (!this.stopped && gen === this.generation) {
      const controller = (this.controller = new AbortController())
      let idleMs = this.opts.idleMs
      let watchdog: ReturnType<typeof setTimeout> | undefined
      let idled = false
      let confirmed = false
      const arm = () => {
        if (watchdog) clearTimeout(watchdog)
        watchdog = setTimeout(
          () => {
            idled = confirmed
            controller.abort()
          },
          confirmed ? idleMs : (this.opts.connectTimeoutMs ?? idleMs),
        )
        watchdog.unref?.()
      }
      try {
        arm()
        await this.opts.open({
          signal: controller.signal,
          alive: () => {
            // Before confirmation only the connect deadline runs: bytes alone prove nothing.
            if (confirmed) arm()
          },
          connected: () => {
            attempt = 0
            confirmed = true
            arm()
          },
          setIdleMs: (ms) => {
            idleMs = ms
            arm()
          },
        })
      } catch {
        // reconnect below
      } finally {
        if (watchdog) clearTimeout(watchdog)
        controller.abort()
      }
      if (this.stopped || gen !== this.generation) return
      this.opts.onLost(idled ? 'idle' : 'ended')
      // A quiet stream is reopened at once; a failed one backs off.
      if (!idled) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffDelay(attempt++, this.opts.backoffBaseMs ?? 500))
          this.wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        this.wake = undefined
      }
    }
  }
}
