/**
 * The live feeds in front of a sick cluster (through the fault-injecting proxy), seen only
 * through the BFF's public surface: `/api/events` (upstream.status, resync) and the `/api/*`
 * views a browser refetches on resync. Streams cut mid-record, streams that stall, streams that
 * speak garbage, refused reconnects: the BFF never crashes, reports the upstream down, recovers
 * by itself once the fault is lifted, and loses nothing that changed meanwhile.
 */
import type { ServiceView } from '@meridian/api'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeltaStream } from '../testing/delta-stream.ts'
import { lastStatus, resyncedAfterReconnect, serveFaultyBff, type FaultyBff } from '../testing/faulty-bff.ts'
import type { FaultyUpstreamOptions } from '../testing/faulty-upstream.ts'

const SUBSCRIBE = '/mesos/api/v1'
const EVENTS = '/service/marathon/v2/events'

let t: FaultyBff | undefined
let ticker: ReturnType<typeof setInterval> | undefined
afterEach(async () => {
  if (ticker) clearInterval(ticker)
  ticker = undefined
  await t?.close()
  t = undefined
})

/** A BFF behind the proxy with a viewer's `/api/events` open and both feeds attached. */
async function connected(proxy?: FaultyUpstreamOptions): Promise<{ t: FaultyBff; stream: DeltaStream }> {
  t = await serveFaultyBff({ app: { upstreamTimeoutMs: 1000, marathonFeed: { idleMs: 3000, connectTimeoutMs: 3000 }, mesosFeed: { connectTimeoutMs: 5000 } }, ...(proxy ? { proxy } : {}) })
  const stream = await t.openStream()
  await expect.poll(() => [lastStatus(stream.deltas, 'mesos'), lastStatus(stream.deltas, 'marathon')], { timeout: 10_000 }).toEqual([true, true])
  return { t, stream }
}

/** Makes both upstreams send something (a Mesos HEARTBEAT, Marathon deployment events). */
async function nudge(t: FaultyBff) {
  t.served.cluster.clock.advance(15_000)
  const apps = (await (await t.cluster('/service/marathon/v2/apps')).json()) as { apps: Array<{ id: string; instances: number; labels?: Record<string, string> }> }
  const app = apps.apps.find((a) => !a.labels?.DCOS_PACKAGE_FRAMEWORK_NAME)!
  await t.cluster(`/service/marathon/v2/apps${app.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: app.instances }) })
}

/** A plain Marathon app of the demo that runs all its instances (polled: deployments settle). */
async function runningApp(t: FaultyBff) {
  let app: ReturnType<typeof flatServices>[number] | undefined
  await expect
    .poll(async () => {
      app = flatServices(await (await t.viewer.request('/api/services')).json()).find((s) => s.instances >= 1 && !s.sdk && s.package === null && s.status === 'Running')
      return app !== undefined
    }, { timeout: 10_000 })
    .toBe(true)
  return app!
}

const wentDown = (s: DeltaStream, upstream: 'mesos' | 'marathon', from: number) => s.deltas.slice(from).some((d) => d.type === 'upstream.status' && d.upstream === upstream && !d.connected)

async function expectRecovered(t: FaultyBff, s: DeltaStream, upstream: 'mesos' | 'marathon', from: number, timeout = 20_000) {
  await expect.poll(() => wentDown(s, upstream, from), { timeout }).toBe(true)
  await expect.poll(() => resyncedAfterReconnect(s.deltas, upstream, from), { timeout }).toBe(true)
  expect(lastStatus(s.deltas, upstream)).toBe(true)
  // Views answer again.
  expect((await t.viewer.request(upstream === 'mesos' ? '/api/nodes' : '/api/services')).status).toBe(200)
}

function flatServices(tree: { root: { services: ServiceView[]; groups: unknown[] } }): ServiceView[] {
  const out: ServiceView[] = []
  const walk = (g: { services: ServiceView[]; groups: unknown[] }) => {
    out.push(...g.services)
    for (const c of g.groups) walk(c as typeof g)
  }
  walk(tree.root)
  return out
}

describe('live feeds with a faulty upstream stream', () => {
  it('Mesos SUBSCRIBE cut in the middle of a RecordIO record: down, then reconnected with a resync', async () => {
    const { t, stream } = await connected()
    const mark = stream.deltas.length
    expect(t.proxy.cutStreams(SUBSCRIBE)).toBe(1)
    await nudge(t)
    await expectRecovered(t, stream, 'mesos', mark)
    // Marathon's stream was not touched.
    expect(wentDown(stream, 'marathon', mark)).toBe(false)
  })

  it('Marathon /v2/events cut in the middle of an SSE message: down, then reconnected with a resync', async () => {
    const { t, stream } = await connected()
    const mark = stream.deltas.length
    expect(t.proxy.cutStreams(EVENTS)).toBe(1)
    await nudge(t)
    await expectRecovered(t, stream, 'marathon', mark)
  })

  it('no lost deltas: a change made while both streams are down shows in the views refetched on resync', async () => {
    const { t, stream } = await connected()
    // Let the demo apps' first deployments finish so the cluster is at rest.
    for (let i = 0; i < 60; i++) t.served.cluster.clock.advance(1000)
    const mark = stream.deltas.length
    t.proxy.fail(SUBSCRIBE, { fault: { kind: 'refuse' }, streams: true })
    t.proxy.fail(EVENTS, { fault: { kind: 'refuse' }, streams: true })
    t.proxy.cutStreams(SUBSCRIBE)
    t.proxy.cutStreams(EVENTS)
    await nudge(t)
    await expect.poll(() => [lastStatus(stream.deltas, 'mesos', mark), lastStatus(stream.deltas, 'marathon', mark)], { timeout: 10_000 }).toEqual([false, false])
    await expect.poll(() => [t.proxy.hits(SUBSCRIBE) > 0, t.proxy.hits(EVENTS) > 0], { timeout: 10_000 }).toEqual([true, true])

    // During the outage another client scales an app and its new tasks start.
    const app = flatServices(await (await t.viewer.request('/api/services')).json()).find((s) => s.instances >= 1 && !s.sdk && s.package === null && s.status === 'Running')!
    const target = app.instances + 2
    const put = await t.cluster(`/service/marathon/v2/apps${app.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: target }) })
    expect(put.status).toBe(200)
    for (let i = 0; i < 60; i++) {
      t.served.cluster.clock.advance(1000)
      await new Promise((r) => setTimeout(r, 2))
    }
    const during = stream.deltas.length
    // The BFF is up all along, and tells the browser nothing it cannot know.
    expect((await t.viewer.request('/api/health')).status).toBe(200)
    expect(stream.deltas.slice(mark).some((d) => d.type === 'task.changed' && d.task.id.startsWith(app.id.slice(1).replaceAll('/', '_')))).toBe(false)

    t.proxy.heal()
    await expect.poll(() => resyncedAfterReconnect(stream.deltas, 'mesos', during) && resyncedAfterReconnect(stream.deltas, 'marathon', during), { timeout: 40_000 }).toBe(true)
    // What the browser refetches on resync has the change made during the outage.
    const row = flatServices(await (await t.viewer.request('/api/services')).json()).find((s) => s.id === app.id)!
    expect(row.instances).toBe(target)
    expect(row.tasks.running).toBe(target)
    const detail = await (await t.viewer.request(`/api/services/${encodeURIComponent(app.id)}`)).json()
    expect(JSON.stringify(detail)).toContain(`"instances":${target}`)
  }, 60_000)

  it('garbage on SUBSCRIBE (an invalid RecordIO length prefix): down, no crash, back when it speaks RecordIO again', async () => {
    const { t, stream } = await connected()
    const mark = stream.deltas.length
    t.proxy.fail(SUBSCRIBE, { fault: { kind: 'garbage', body: 'abc\n{"type":"SUBSCRIBED"}', keepOpen: true }, streams: true })
    t.proxy.cutStreams(SUBSCRIBE)
    await nudge(t)
    await expect.poll(() => wentDown(stream, 'mesos', mark), { timeout: 10_000 }).toBe(true)
    // A few garbage reconnects (each one a decode error), then lift the fault.
    await expect.poll(() => t.proxy.hits(SUBSCRIBE), { timeout: 15_000 }).toBeGreaterThan(2)
    expect(lastStatus(stream.deltas, 'mesos')).toBe(false)
    expect((await t.viewer.request('/api/health')).status).toBe(200)
    t.proxy.heal()
    await expectRecovered(t, stream, 'mesos', mark, 40_000)
  }, 60_000)

  it('a SUBSCRIBE stream that stalls mid-stream is detected (no heartbeat) and replaced', async () => {
    // A short heartbeat (rewritten in SUBSCRIBED), kept by ticking the cluster clock 15 s every 250 ms.
    const { t, stream } = await connected({ heartbeatSeconds: 0.5 })
    ticker = setInterval(() => t.served.cluster.clock.advance(15_000), 250)
    await new Promise((r) => setTimeout(r, 3000))
    const mark = stream.deltas.length
    // Healthy heartbeats kept the stream up.
    expect(wentDown(stream, 'mesos', 0)).toBe(false)
    expect(t.proxy.stallStreams(SUBSCRIBE)).toBe(1)
    await expectRecovered(t, stream, 'mesos', mark)
    expect(t.proxy.openStreams(SUBSCRIBE)).toBe(1)
  }, 40_000)

  it('a Marathon /v2/events stream that stalls mid-stream is replaced after the idle limit, and what changed in the gap still reaches clients', async () => {
    const { t, stream } = await connected()
    for (let i = 0; i < 60; i++) {
      t.served.cluster.clock.advance(1000)
      await new Promise((r) => setTimeout(r, 2))
    }
    const app = await runningApp(t)
    const hits = t.proxy.requests(EVENTS)
    expect(t.proxy.stallStreams(EVENTS)).toBe(1)
    const mark = stream.deltas.length
    // Marathon sends the scale's events into the stalled stream: nobody hears of it.
    const put = await t.cluster(`/service/marathon/v2/apps${app.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: app.instances + 1 }) })
    expect(put.status).toBe(200)
    // Quiet past the idle limit (3 s here, 60 s by default): the stream is reopened.
    await expect.poll(() => t.proxy.requests(EVENTS), { timeout: 15_000 }).toBeGreaterThan(hits)
    // The scaled app's row comes out as a delta (Marathon told nobody): no full resync needed.
    await expect.poll(() => stream.deltas.slice(mark).some((d) => d.type === 'service.changed' && d.serviceId === app.id && d.service?.instances === app.instances + 1), { timeout: 15_000 }).toBe(true)
    // A routine reopen is not an outage: no "Marathon down" banner.
    expect(wentDown(stream, 'marathon', mark)).toBe(false)
    await expect.poll(async () => flatServices(await (await t.viewer.request('/api/services')).json()).find((s) => s.id === app.id)?.instances, { timeout: 5000 }).toBe(app.instances + 1)
  }, 60_000)

  it('a quiet reopen with nothing changed in the gap costs clients nothing (no resync)', async () => {
    const { t, stream } = await connected()
    for (let i = 0; i < 120; i++) {
      t.served.cluster.clock.advance(1000)
      await new Promise((r) => setTimeout(r, 2))
    }
    await new Promise((r) => setTimeout(r, 500))
    const hits = t.proxy.requests(EVENTS)
    const mark = stream.deltas.length
    // The clock stands still: the demo cluster makes no events, the stream goes quiet.
    await expect.poll(() => t.proxy.requests(EVENTS), { timeout: 15_000 }).toBeGreaterThan(hits)
    await new Promise((r) => setTimeout(r, 1000))
    expect(stream.deltas.slice(mark).filter((d) => d.type === 'resync' || (d.type === 'upstream.status' && d.upstream === 'marathon'))).toEqual([])
    // (rows whose status moved with the launch queue may come out as service.changed: that is news, not noise)
  }, 60_000)

  it('broken SSE on /v2/events (held open, never a valid message): down, no crash, back when it is lifted', async () => {
    const { t, stream } = await connected()
    const mark = stream.deltas.length
    t.proxy.fail(EVENTS, { fault: { kind: 'garbage', body: 'event: event_stream_attached\ndata: {"remoteAddress":\n\n\u0000\u0001garbage', contentType: 'text/event-stream', keepOpen: true }, streams: true })
    t.proxy.cutStreams(EVENTS)
    await nudge(t)
    await expect.poll(() => wentDown(stream, 'marathon', mark), { timeout: 10_000 }).toBe(true)
    // The BFF has reconnected into the broken stream before the fault is lifted.
    await expect.poll(() => t.proxy.hits(EVENTS), { timeout: 10_000 }).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 500))
    t.proxy.heal()
    await expectRecovered(t, stream, 'marathon', mark, 30_000)
  }, 60_000)

  it('a reconnect that is accepted but never answered is given up on, and the next one succeeds', async () => {
    const { t, stream } = await connected()
    const mark = stream.deltas.length
    t.proxy.fail(SUBSCRIBE, { fault: { kind: 'stall' }, streams: true })
    t.proxy.fail(EVENTS, { fault: { kind: 'stall' }, streams: true })
    t.proxy.cutStreams(SUBSCRIBE)
    t.proxy.cutStreams(EVENTS)
    await nudge(t)
    await expect.poll(() => [lastStatus(stream.deltas, 'mesos', mark), lastStatus(stream.deltas, 'marathon', mark)], { timeout: 10_000 }).toEqual([false, false])
    // Both feeds are now waiting on a reconnect that never answers.
    await expect.poll(() => [t.proxy.hits(SUBSCRIBE) > 0, t.proxy.hits(EVENTS) > 0], { timeout: 10_000 }).toEqual([true, true])
    t.proxy.heal()
    await expectRecovered(t, stream, 'mesos', mark, 30_000)
    await expectRecovered(t, stream, 'marathon', mark, 30_000)
  }, 70_000)
})
