import { describe, expect, it, vi } from 'vitest'
import { LiveHub, type LiveFeed } from './hub.ts'

function countingFeed() {
  const counts = { starts: 0, stops: 0 }
  const feed: LiveFeed = {
    start: () => void counts.starts++,
    stop: () => void counts.stops++,
  }
  return { feed, counts }
}

describe('LiveHub', () => {
  it('keeps feeds running for a subscriber that arrives within the idle period, even after a double unsubscribe', () => {
    vi.useFakeTimers()
    try {
      const { feed, counts } = countingFeed()
      const hub = new LiveHub({ feeds: [feed], idleStopMs: 1000 })
      const first = hub.subscribe(() => undefined)
      // A stream's abort handler and its finally block both unsubscribe.
      first()
      first()
      vi.advanceTimersByTime(500)
      hub.subscribe(() => undefined)
      vi.advanceTimersByTime(5000)
      expect(counts).toEqual({ starts: 1, stops: 0 })
      expect(hub.subscriberCount).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('stops feeds once the last subscriber has been gone for the idle period', () => {
    vi.useFakeTimers()
    try {
      const { feed, counts } = countingFeed()
      const hub = new LiveHub({ feeds: [feed], idleStopMs: 1000 })
      hub.subscribe(() => undefined)()
      vi.advanceTimersByTime(999)
      expect(counts.stops).toBe(0)
      vi.advanceTimersByTime(1)
      expect(counts).toEqual({ starts: 1, stops: 1 })
    } finally {
      vi.useRealTimers()
    }
  })
})
