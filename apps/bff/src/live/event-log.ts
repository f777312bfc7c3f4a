/**
 * Bounded ring of published live events with monotonically increasing ids, so a reconnecting
 * client (SSE `Last-Event-ID`) gets exactly what it missed, or learns it is too far behind.
 */
import type { LiveDelta, LiveEvent } from '@meridian/api'

/** What `since` answers: the missed events, or `tooOld` when some were already evicted. */
export type Replay = { events: LiveEvent[]; tooOld: false } | { events: []; tooOld: true }

/** The ring buffer. */
export class EventLog {
  private readonly ring: LiveEvent[] = []
  private nextSeq = 1

  constructor(
    private readonly capacity = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Appends a delta and returns the event (with its id). */
  append(delta: LiveDelta): LiveEvent {
    const event: LiveEvent = { id: String(this.nextSeq++), at: this.now(), delta }
    this.ring.push(event)
    if (this.ring.length > this.capacity) this.ring.shift()
    return event
  }

  /** Id of the newest event ('0' when none). */
  get lastId(): string {
    return String(this.nextSeq - 1)
  }

  /**
   * Events after `lastEventId`. An id from the future or unparsable (e.g. a BFF restart reset
   * the sequence) or one older than the ring is `tooOld`: the client must resync.
   */
  since(lastEventId: string): Replay {
    if (!/^\d+$/.test(lastEventId)) return { events: [], tooOld: true }
    const last = Number(lastEventId)
    if (last >= this.nextSeq) return { events: [], tooOld: true }
    const oldest = this.ring[0] ? Number(this.ring[0].id) : this.nextSeq
    if (last < oldest - 1) return { events: [], tooOld: true }
    return { events: this.ring.slice(last - oldest + 1), tooOld: false }
  }
}
