import { serve } from '@hono/node-server'
import type { LiveEvent } from '@meridian/api'
import { createParser } from 'eventsource-parser'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { LiveHub } from '../live/hub.ts'
import { loginAs } from '../testing/login.ts'

const closers: Array<() => void> = []
afterEach(() => {
  while (closers.length) closers.pop()!()
})

async function serveBff(hub: LiveHub) {
  const app = createApp({ clusterUrl: 'http://cluster.invalid', hub })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  closers.push(() => {
    ;(server as unknown as { closeAllConnections(): void }).closeAllConnections()
    server.close()
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, fetcher: (path: string, init?: RequestInit) => fetch(base + path, init) }
}

/** Reads SSE messages until `stop` says so, then drops the connection. */
async function readUntil(res: Response, stop: (msgs: Array<{ id?: string; event?: string; data: string }>) => boolean) {
  const msgs: Array<{ id?: string; event?: string; data: string }> = []
  const parser = createParser({ onEvent: (e) => msgs.push({ ...(e.id !== undefined ? { id: e.id } : {}), ...(e.event !== undefined ? { event: e.event } : {}), data: e.data }) })
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  while (!stop(msgs)) {
    const { done, value } = await reader.read()
    if (done) break
    parser.feed(value)
  }
  await reader.cancel()
  return msgs
}

const job = (n: number) => ({ type: 'job.changed' as const, jobId: `job-${n}` })

describe('GET /api/events', () => {
  it('needs a session', async () => {
    const { fetcher } = await serveBff(new LiveHub())
    expect((await fetcher('/api/events')).status).toBe(401)
  })

  it('resumes after a dropped connection with Last-Event-ID: nothing missed, nothing duplicated', async () => {
    const hub = new LiveHub()
    const { fetcher } = await serveBff(hub)
    const viewer = await loginAs(fetcher, 'viewer')
    for (let i = 1; i <= 3; i++) hub.publish(job(i)) // before connecting: not replayed on a fresh stream

    const first = await viewer.request('/api/events', { headers: { accept: 'text/event-stream' } })
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/text\/event-stream/)
    // Publish while connected, from another tick, and drop the connection after 4 deltas.
    const publisher = setInterval(() => hub.publish(job(Number(hub.log.lastId) + 1)), 5)
    const got1 = await readUntil(first, (m) => m.filter((x) => x.event === 'delta').length >= 4)
    expect(got1[0]).toMatchObject({ event: 'ready', id: '3' })
    const deltas1 = got1.filter((m) => m.event === 'delta').map((m) => JSON.parse(m.data) as LiveEvent)
    const lastSeen = got1.at(-1)!.id!
    clearInterval(publisher)
    // Events keep being published while the client is away.
    for (let i = 0; i < 5; i++) hub.publish(job(Number(hub.log.lastId) + 1))
    const target = Number(hub.log.lastId)
    expect(target).toBeGreaterThan(Number(lastSeen) + 2)

    const second = await viewer.request('/api/events', { headers: { accept: 'text/event-stream', 'last-event-id': lastSeen } })
    hub.publish(job(target + 1))
    const got2 = await readUntil(second, (m) => m.some((x) => x.id === String(target + 1)))
    const deltas2 = got2.filter((m) => m.event === 'delta').map((m) => JSON.parse(m.data) as LiveEvent)

    const ids = [...deltas1, ...deltas2].map((e) => Number(e.id))
    const expected = Array.from({ length: target + 1 - 3 }, (_, i) => i + 4)
    expect(ids).toEqual(expected)
    for (const e of [...deltas1, ...deltas2]) expect(e.delta).toEqual(job(Number(e.id)))
  })

  it('sends one resync when the client is further behind than the ring holds', async () => {
    const hub = new LiveHub({ capacity: 5 })
    const { fetcher } = await serveBff(hub)
    const viewer = await loginAs(fetcher, 'viewer')
    for (let i = 1; i <= 20; i++) hub.publish(job(i))
    const res = await viewer.request('/api/events', { headers: { 'last-event-id': '2' } })
    const got = await readUntil(res, (m) => m.length >= 1)
    expect(got[0]!.id).toBe('20')
    expect(JSON.parse(got[0]!.data).delta).toEqual({ type: 'resync', reason: 'too-old' })
  })
})
