/**
 * 200 browser tabs on one BFF: 200 concurrent `/api/events` streams over real sockets all get
 * every delta, in order; closing them leaves no subscriber behind, and the BFF's heap does not
 * grow with the number of deltas pushed through.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { LiveHub } from '../live/hub.ts'
import { serveApp, type ServedApp } from '../testing/delta-stream.ts'
import { loginAs, type LoggedIn } from '../testing/login.ts'

const TABS = 200

// A full collection before each heap reading, so the comparison is of live objects only.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const liveHeap = () => {
  gc()
  return process.memoryUsage().heapUsed
}

/** A tab that only counts deltas and remembers the last id (keeps the test's own heap flat). */
interface CountingTab {
  count: number
  lastId: string
  inOrder: boolean
  close(): Promise<void>
}

async function openCountingTab(user: LoggedIn): Promise<CountingTab> {
  const res = await user.request('/api/events', { headers: { accept: 'text/event-stream' } })
  if (res.status !== 200) throw new Error(`/api/events answered ${res.status}`)
  const tab: CountingTab = { count: 0, lastId: '0', inOrder: true, close: async () => undefined }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  let carry = ''
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      const text = carry + value
      const cut = text.lastIndexOf('\n\n')
      carry = cut < 0 ? text : text.slice(cut + 2)
      if (cut < 0) continue
      for (const msg of text.slice(0, cut).split('\n\n')) {
        if (!msg.startsWith('event: delta')) continue
        const id = /\nid: (\d+)/.exec(msg)?.[1]
        if (id === undefined) continue
        if (Number(id) !== Number(tab.lastId) + 1 && tab.count > 0) tab.inOrder = false
        tab.count++
        tab.lastId = id
      }
    }
  })().catch(() => undefined)
  tab.close = async () => {
    await reader.cancel().catch(() => undefined)
    await pump
  }
  return tab
}

let hub: LiveHub
let served: ServedApp
let viewer: LoggedIn

beforeAll(async () => {
  hub = new LiveHub({ capacity: 5000 })
  served = await serveApp(createApp({ clusterUrl: 'http://cluster.invalid', hub }))
  viewer = await loginAs(served.fetcher, 'viewer')
})
afterAll(async () => {
  served.close()
})

describe(`${TABS} concurrent /api/events streams`, () => {
  it('all receive every delta in order, and closing them leaves no subscriber', { timeout: 60_000 }, async () => {
    const tabs = await Promise.all(Array.from({ length: TABS }, () => openCountingTab(viewer)))
    expect(hub.subscriberCount).toBe(TABS)
    const first = Number(hub.log.lastId)

    const rounds = 6
    const perRound = 100
    const heapByRound: number[] = []
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < perRound; i++) hub.publish({ type: 'job.changed', jobId: `job-${r}-${i}` })
      const target = String(first + (r + 1) * perRound)
      await expect.poll(() => tabs.every((t) => t.lastId === target), { timeout: 20_000, interval: 20 }).toBe(true)
      heapByRound.push(liveHeap())
    }
    for (const t of tabs) {
      expect(t.count).toBe(rounds * perRound)
      expect(t.inOrder).toBe(true)
    }
    // Once every tab's connection is warm (round 1), the next 500 deltas × 200 tabs leave the
    // heap where it was: nothing is kept per tab per delta (the hub's ring grows by 500 small events).
    const growth = heapByRound.at(-1)! - heapByRound[0]!
    expect(growth, `heap after each round (MB): ${heapByRound.map((h) => (h / 2 ** 20).toFixed(1)).join(', ')}`).toBeLessThan(8 * 1024 * 1024)

    await Promise.all(tabs.map((t) => t.close()))
    await expect.poll(() => hub.subscriberCount, { timeout: 5000 }).toBe(0)
  })
})
