/**
 * Marathon's event bus: every event is a JSON object with `eventType` and `timestamp` (ISO),
 * delivered to `/v2/events` subscribers (optionally filtered by `event_type`).
 */
import type { SimClock } from '../../sim/clock.ts'

export interface MarathonEvent {
  eventType: string
  timestamp: string
  [key: string]: unknown
}

type Subscriber = (event: MarathonEvent) => void

export class MarathonEventBus {
  private readonly subscribers = new Set<Subscriber>()

  constructor(private readonly clock: SimClock) {}

  publish(eventType: string, payload: Record<string, unknown> = {}): void {
    // Nobody listening (e.g. while the load profile seeds 100,000 instances): nothing to build.
    if (this.subscribers.size === 0) return
    const event: MarathonEvent = { ...payload, eventType, timestamp: this.clock.nowIso() }
    for (const s of [...this.subscribers]) {
      try {
        s(event)
      } catch (err) {
        console.error('[marathon] event subscriber failed', err)
      }
    }
  }

  subscribe(fn: Subscriber): () => void {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  get subscriberCount(): number {
    return this.subscribers.size
  }
}
