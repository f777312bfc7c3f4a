/**
 * Debounced, per-key re-reads for feeds whose upstream has no event stream of its own (or whose
 * events name what changed but not its new state): a burst of events for one key becomes one
 * re-read after `debounceMs`, and re-reads of one key run one after another, so an older read
 * can never be published after a newer one. At most `concurrency` re-reads run at once across
 * keys: a burst touching thousands of keys (1,000 task updates a second over 10,000 apps) queues
 * instead of opening thousands of upstream requests that then time out together.
 */
import pLimit from 'p-limit'

export class KeyedRereads<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>()
  private readonly chains = new Map<K, Promise<void>>()
  /** keys whose re-read is queued but not started: a newer request for them is already covered */
  private readonly waiting = new Set<K>()
  private stopped = false
  private readonly limit: ReturnType<typeof pLimit>

  constructor(
    private readonly reread: (key: K) => Promise<void>,
    private readonly debounceMs: number,
    concurrency = 8,
  ) {
    this.limit = pLimit(concurrency)
  }

  /** Re-reads started or waiting for a slot. */
  get inFlight(): number {
    return this.limit.activeCount + this.limit.pendingCount
  }

  /** Schedules a re-read of `key` after `delayMs` (default: the debounce); no-op while one is already scheduled. */
  schedule(key: K, delayMs = this.debounceMs): void {
    if (this.stopped || this.timers.has(key)) return
    const t = setTimeout(() => {
      this.timers.delete(key)
      const prev = this.chains.get(key) ?? Promise.resolve()
      if (this.waiting.has(key)) return
      this.waiting.add(key)
      const next = prev
        .then(() =>
          this.limit(() => {
            this.waiting.delete(key)
            return this.stopped ? undefined : this.reread(key)
          }),
        )
        .catch(() => undefined)
      this.chains.set(key, next)
      void next.then(() => {
        if (this.chains.get(key) === next) this.chains.delete(key)
      })
    }, delayMs)
    t.unref?.()
    this.timers.set(key, t)
  }

  /** Drops a scheduled re-read of `key` (e.g. the object is known to be gone). */
  cancel(key: K): void {
    const t = this.timers.get(key)
    if (t) clearTimeout(t)
    this.timers.delete(key)
  }

  /** Cancels everything; pending re-reads publish nothing. */
  stop(): void {
    this.stopped = true
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }

  /** Allows scheduling again after `stop` (the hub restarts feeds when a client comes back). */
  restart(): void {
    this.stopped = false
  }
}
