/**
 * Slow consumers of `/api/events` over real sockets: a tab that stops reading is dropped by the
 * server (blocked write past the bound, or backlog past the cap) instead of being buffered
 * forever; a tab that keeps reading is never dropped, however fast deltas come.
 */
import type { LiveDelta } from '@meridian/api'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { LiveHub } from '../live/hub.ts'
import { openDeltaStream, serveApp, type ServedApp } from '../testing/delta-stream.ts'
import { loginAs } from '../testing/login.ts'
import { openStalledSse } from '../testing/stalled-sse-client.ts'
import type { EventStreamOptions } from './events.ts'

const closers: Array<() => void> = []
afterEach(() => {
  while (closers.length) closers.pop()!()
})

async function serveWithHub(hub: LiveHub, events: EventStreamOptions): Promise<ServedApp> {
  const served = await serveApp(createApp({ clusterUrl: 'http://cluster.invalid', hub, events }))
  closers.push(() => served.close())
  return served
}

/** A ~64 KB delta: a few hundred fill the loopback socket buffers. */
const big = (n: number): LiveDelta => ({ type: 'job.changed', jobId: `job-${n}-${'x'.repeat(64 * 1024)}` })

async function publishUntil(hub: LiveHub, until: () => boolean, max: number) {
  for (let i = 0; i < max && !until(); i++) {
    hub.publish(big(i))
    // Let the server's write loop run so the socket actually fills.
    if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1))
  }
}

describe('slow consumers of /api/events', () => {
  it('closes a stream whose writes stay blocked past writeTimeoutMs, and forgets its subscriber', async () => {
    // Small capacity: the hub's own ring must not hold hundreds of MB in this test.
    const hub = new LiveHub({ capacity: 8 })
    const served = await serveWithHub(hub, { writeTimeoutMs: 300, maxQueued: 100_000 })
    const viewer = await loginAs(served.fetcher, 'viewer')
    const tab = await openStalledSse(served.base, viewer.cookie)
    await expect.poll(() => hub.subscriberCount).toBe(1)
    tab.stall()
    const started = Date.now()
    await publishUntil(hub, () => hub.subscriberCount === 0, 2000)
    await expect.poll(() => hub.subscriberCount, { timeout: 5000 }).toBe(0)
    // Dropped by the write bound (well before the default 30 s), not by the queue cap.
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(await tab.resumeUntilClosed(10_000)).toBe('closed')
  })

  it('closes a stream whose backlog passes maxQueued', async () => {
    const hub = new LiveHub({ capacity: 8 })
    const served = await serveWithHub(hub, { writeTimeoutMs: 60_000, maxQueued: 20 })
    const viewer = await loginAs(served.fetcher, 'viewer')
    const tab = await openStalledSse(served.base, viewer.cookie)
    await expect.poll(() => hub.subscriberCount).toBe(1)
    tab.stall()
    await publishUntil(hub, () => hub.subscriberCount === 0, 2000)
    expect(hub.subscriberCount).toBe(0)
    expect(await tab.resumeUntilClosed(10_000)).toBe('closed')
  })

  it('a stalled tab does not hold up the others', async () => {
    const hub = new LiveHub({ capacity: 8 })
    const served = await serveWithHub(hub, { writeTimeoutMs: 300, maxQueued: 100_000 })
    const viewer = await loginAs(served.fetcher, 'viewer')
    const stalled = await openStalledSse(served.base, viewer.cookie)
    const reading = await openDeltaStream(viewer)
    closers.push(() => void reading.close())
    await expect.poll(() => hub.subscriberCount).toBe(2)
    stalled.stall()
    await publishUntil(hub, () => hub.subscriberCount === 1, 2000)
    await expect.poll(() => hub.subscriberCount, { timeout: 5000 }).toBe(1)
    const published = Number(hub.log.lastId)
    await expect.poll(() => reading.events.at(-1)?.id, { timeout: 10_000 }).toBe(String(published))
    expect(reading.events.map((e) => Number(e.id))).toEqual(Array.from({ length: published }, (_, i) => i + 1))
    expect(await stalled.resumeUntilClosed(10_000)).toBe('closed')
  })

  it('never drops a tab that keeps reading, even under a short write bound', async () => {
    const hub = new LiveHub({ capacity: 5000 })
    const served = await serveWithHub(hub, { writeTimeoutMs: 200, maxQueued: 1000 })
    const viewer = await loginAs(served.fetcher, 'viewer')
    const reading = await openDeltaStream(viewer)
    closers.push(() => void reading.close())
    await expect.poll(() => hub.subscriberCount).toBe(1)
    for (let i = 1; i <= 3000; i++) {
      hub.publish({ type: 'job.changed', jobId: `job-${i}` })
      if (i % 500 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    await expect.poll(() => reading.events.length, { timeout: 10_000 }).toBe(3000)
    expect(hub.subscriberCount).toBe(1)
  })
})
