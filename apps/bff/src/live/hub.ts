/**
 * The live hub: upstream feeds publish typed deltas, the event log numbers and keeps them, and
 * every SSE connection subscribes. Feeds start with the first subscriber and stop a while
 * after the last one leaves, so an idle BFF holds no upstream streams.
 */
import type { LiveDelta, LiveEvent } from '@meridian/api'
import { EventLog, type Replay } from './event-log.ts'

/** Watches the deltas other feeds publish, without counting as an SSE subscriber; returns the unwatch function. */
export type ObserveDeltas = (listener: (e: LiveEvent) => void) => () => void

/**
 * A long-running upstream subscription (Mesos SUBSCRIBE, Marathon /v2/events), or a derived
 * feed that turns other feeds' deltas into its own (SDK plans from Mesos task events).
 */
export interface LiveFeed {
  start(publish: (delta: LiveDelta) => void, observe?: ObserveDeltas): void
  stop(): void
  /** Cut a reconnect backoff short (upstream credentials just became available). */
  retryNow?(): void
}

/** Options of the hub. */
export interface LiveHubOptions {
  feeds?: LiveFeed[]
  capacity?: number
  /** ms to keep feeds running after the last subscriber leaves */
  idleStopMs?: number
  now?: () => number
}

/** The hub. */
export class LiveHub {
  readonly log: EventLog
  private readonly listeners = new Set<(e: LiveEvent) => void>()
  private readonly observers = new Set<(e: LiveEvent) => void>()
  private readonly feeds: LiveFeed[]
  private running = false
  private pinned = false
  private idleTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly opts: LiveHubOptions = {}) {
    this.log = new EventLog(opts.capacity ?? 5000, opts.now)
    this.feeds = opts.feeds ?? []
  }

  /** Numbers, stores and fans out one delta. */
  publish(delta: LiveDelta): LiveEvent {
    const event = this.log.append(delta)
    for (const l of this.listeners) l(event)
    for (const o of this.observers) o(event)
    return event
  }

  /** Events after `lastEventId` (see EventLog.since). */
  replay(lastEventId: string): Replay {
    return this.log.since(lastEventId)
  }

  /**
   * Starts the feeds now and keeps them running without subscribers: the BFF's mirrors of the
   * upstreams live on these streams, so views answer from memory from the first request on.
   */
  warm(): void {
    this.pinned = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    this.startFeeds()
  }

  /** Registers a listener; starts feeds if needed. Returns the unsubscribe function. */
  subscribe(listener: (e: LiveEvent) => void): () => void {
    this.listeners.add(listener)
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    this.startFeeds()
    // Idempotent: a stream's abort handler and its finally block both unsubscribe; a second call
    // must not arm a second idle timer that would later stop the feeds under a new subscriber.
    return () => {
      if (!this.listeners.delete(listener)) return
      if (this.listeners.size === 0 && this.running && !this.pinned) {
        if (this.idleTimer) clearTimeout(this.idleTimer)
        this.idleTimer = setTimeout(() => this.stopFeeds(), this.opts.idleStopMs ?? 60_000)
        this.idleTimer.unref?.()
      }
    }
  }

  /** Asks every feed waiting to reconnect to try now. */
  retryNow(): void {
    for (const f of this.feeds) f.retryNow?.()
  }

  /** Number of live SSE connections. */
  get subscriberCount(): number {
    return this.listeners.size
  }

  /** Stops every feed (shutdown and tests). */
  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.stopFeeds()
  }

  private startFeeds(): void {
    if (this.running) return
    this.running = true
    const observe: ObserveDeltas = (o) => {
      this.observers.add(o)
      return () => this.observers.delete(o)
    }
    for (const f of this.feeds) f.start((d) => this.publish(d), observe)
  }

  private stopFeeds(): void {
    if (!this.running) return
    this.running = false
    for (const f of this.feeds) f.stop()
  }
}
