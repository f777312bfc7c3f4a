import { describe, expect, it } from 'vitest'
import { UpstreamStream, type StreamAttempt } from './upstream-stream.ts'

/** An open() that stays open until aborted, confirming at once unless told otherwise. */
const holdOpen =
  (opts: { confirm?: boolean; onOpen?: (a: StreamAttempt) => void } = {}) =>
  (a: StreamAttempt) =>
    new Promise<void>((_, reject) => {
      if (opts.confirm !== false) a.connected()
      opts.onOpen?.(a)
      a.signal.addEventListener('abort', () => reject(new Error('aborted')))
    })

describe('UpstreamStream', () => {
  it('drops a confirmed stream that goes quiet (reason idle) and reopens it without backoff', async () => {
    const lost: string[] = []
    let opens = 0
    const s = new UpstreamStream({ idleMs: 30, backoffBaseMs: 60_000, onLost: (r) => lost.push(r), open: (a) => (opens++, holdOpen()(a)) })
    s.start()
    await expect.poll(() => opens, { timeout: 2000 }).toBeGreaterThanOrEqual(3)
    s.stop()
    expect(lost.every((r) => r === 'idle')).toBe(true)
  })

  it('keeps a stream that keeps talking', async () => {
    const lost: string[] = []
    const s = new UpstreamStream({
      idleMs: 40,
      onLost: (r) => lost.push(r),
      open: holdOpen({
        onOpen: (a) => {
          const t = setInterval(() => a.alive(), 10)
          a.signal.addEventListener('abort', () => clearInterval(t))
        },
      }),
    })
    s.start()
    await new Promise((r) => setTimeout(r, 200))
    s.stop()
    expect(lost).toEqual([])
  })

  it('fails a stream that is accepted but never confirmed within the connect deadline, bytes or not', async () => {
    const lost: string[] = []
    const s = new UpstreamStream({
      idleMs: 60_000,
      connectTimeoutMs: 30,
      backoffBaseMs: 1,
      onLost: (r) => lost.push(r),
      open: holdOpen({
        confirm: false,
        onOpen: (a) => {
          const t = setInterval(() => a.alive(), 5)
          a.signal.addEventListener('abort', () => clearInterval(t))
        },
      }),
    })
    s.start()
    await expect.poll(() => lost.length, { timeout: 2000 }).toBeGreaterThanOrEqual(2)
    s.stop()
    expect(new Set(lost)).toEqual(new Set(['ended']))
  })

  it('retryNow cuts a long reconnect backoff short', async () => {
    let opens = 0
    const s = new UpstreamStream({
      idleMs: 60_000,
      backoffBaseMs: 60_000,
      onLost: () => undefined,
      open: async () => {
        opens++
        throw new Error('401')
      },
    })
    s.start()
    await expect.poll(() => opens).toBe(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(opens).toBe(1)
    s.retryNow()
    await expect.poll(() => opens, { timeout: 1000 }).toBe(2)
    s.stop()
  })
})
