import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SessionStore } from './sessions.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('SessionStore', () => {
  it('drops expired sessions on a timer, without any new login', () => {
    const store = new SessionStore({ ttlMs: 60_000, sweepEveryMs: 10_000, now: () => Date.now() })
    const idle = store.create('viewer', 'viewer')
    const active = store.create('admin', 'admin')
    expect(store.size).toBe(2)
    // `active` keeps using the console; `idle` never comes back.
    for (let t = 0; t < 7; t++) {
      vi.advanceTimersByTime(10_000)
      expect(store.get(active.id)).toBeDefined()
    }
    // 70 s after login, past the 60 s idle expiry: the sweep at 70 s removed `idle` without a get().
    expect(store.size).toBe(1)
    expect(store.get(idle.id)).toBeUndefined()
    expect(store.get(active.id)?.uid).toBe('admin')
    store.close()
  })

  it('keeps an expired session until the next sweep, and never hands it out', () => {
    const store = new SessionStore({ ttlMs: 5_000, sweepEveryMs: 60_000, now: () => Date.now() })
    const s = store.create('viewer', 'viewer')
    vi.advanceTimersByTime(6_000)
    expect(store.size).toBe(1)
    vi.advanceTimersByTime(60_000)
    expect(store.size).toBe(0)
    expect(store.get(s.id)).toBeUndefined()
    store.close()
  })

  it('does not keep the process alive and stops sweeping when closed', () => {
    const unref = vi.fn()
    const real = globalThis.setInterval
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      const handle = real(fn, ms)
      return Object.assign(handle, { unref })
    }) as typeof setInterval)
    const store = new SessionStore({ ttlMs: 1_000, sweepEveryMs: 1_000, now: () => Date.now() })
    spy.mockRestore()
    expect(unref).toHaveBeenCalledTimes(1)
    store.create('viewer', 'viewer')
    store.close()
    vi.advanceTimersByTime(10_000)
    expect(store.size).toBe(1)
  })

  it('sweepEveryMs 0 sweeps only on create (no timer)', () => {
    const store = new SessionStore({ ttlMs: 1_000, sweepEveryMs: 0, now: () => Date.now() })
    store.create('viewer', 'viewer')
    vi.advanceTimersByTime(5_000)
    expect(store.size).toBe(1)
    store.create('admin', 'admin')
    expect(store.size).toBe(1)
  })
})
