import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFrameBatcher } from './frame-batcher.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

/** A controllable animation-frame clock. */
function stubFrames() {
  const callbacks = new Map<number, FrameRequestCallback>()
  let next = 1
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    callbacks.set(next, cb)
    return next++
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id))
  return {
    pending: () => callbacks.size,
    frame() {
      const due = [...callbacks.values()]
      callbacks.clear()
      for (const cb of due) cb(performance.now())
    },
  }
}

describe('createFrameBatcher', () => {
  it('delivers everything pushed before a frame as one batch, in order, then starts a new batch', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const frames = stubFrames()
    const batches: number[][] = []
    const b = createFrameBatcher<number>((items) => batches.push(items))
    for (let i = 0; i < 1000; i++) b.push(i)
    expect(batches).toEqual([])
    expect(frames.pending()).toBe(1) // one frame requested, not one per item
    frames.frame()
    expect(batches).toHaveLength(1)
    expect(batches[0]).toEqual(Array.from({ length: 1000 }, (_, i) => i))
    b.push(1000)
    frames.frame()
    expect(batches).toEqual([batches[0], [1000]])
    // the frame won: its fallback timer was cleared and delivers nothing more
    vi.advanceTimersByTime(1000)
    expect(batches).toHaveLength(2)
  })

  it('delivers by timer when no frame comes (hidden tab)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const frames = stubFrames()
    const deliver = vi.fn()
    const b = createFrameBatcher<string>(deliver, 250)
    b.push('a')
    b.push('b')
    vi.advanceTimersByTime(249)
    expect(deliver).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(deliver).toHaveBeenCalledExactlyOnceWith(['a', 'b'])
    expect(frames.pending()).toBe(0) // the frame request was cancelled
  })

  it('flushes on demand and drops the queue on cancel', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    stubFrames()
    const deliver = vi.fn()
    const b = createFrameBatcher<number>(deliver)
    b.push(1)
    b.flush()
    expect(deliver).toHaveBeenCalledExactlyOnceWith([1])
    b.flush()
    expect(deliver).toHaveBeenCalledTimes(1)
    b.push(2)
    b.cancel()
    vi.advanceTimersByTime(1000)
    expect(deliver).toHaveBeenCalledTimes(1)
  })
})
