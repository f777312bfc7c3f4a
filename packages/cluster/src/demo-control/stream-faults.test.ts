import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'

let served: ServedCluster
beforeAll(async () => {
  served = await serveCluster({ agents: 2 })
})
afterAll(async () => {
  await served.close()
})

const subscribe = () => fetch(`${served.baseUrl}/mesos/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ type: 'SUBSCRIBE' }) })
const events = (path = '/service/marathon/v2/events') => fetch(`${served.baseUrl}${path}`, { headers: { accept: 'text/event-stream' } })
const demo = async (path: string, body?: unknown) => {
  const res = await fetch(`${served.baseUrl}/api/demo/streams${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

/** Reads a stream until it ends; resolves with the bytes read. */
async function readToEnd(res: Response): Promise<number> {
  const reader = res.body!.getReader()
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return bytes
    bytes += value.length
  }
}

describe('/api/demo/streams', () => {
  it('drop ends every open SUBSCRIBE and /v2/events stream; refuse answers new ones 502 until restore', async () => {
    const mesos = await subscribe()
    const marathon = await events()
    const alias = await events('/marathon/v2/events')
    expect([mesos.status, marathon.status, alias.status]).toEqual([200, 200, 200])
    const ended = Promise.all([readToEnd(mesos), readToEnd(marathon), readToEnd(alias)])
    await expect.poll(async () => (await demo('')).json.open).toEqual({ mesos: 1, marathon: 2 })

    const drop = await demo('/drop', { refuse: true })
    expect(drop.status).toBe(200)
    expect(drop.json).toEqual({ dropped: { mesos: 1, marathon: 2 }, open: { mesos: 0, marathon: 0 }, refusing: true })
    // Each stream had sent its first record (SUBSCRIBED, event_stream_attached) and then ended cleanly.
    for (const bytes of await ended) expect(bytes).toBeGreaterThan(0)
    expect((await subscribe()).status).toBe(502)
    expect((await events()).status).toBe(502)
    // REST keeps answering.
    expect((await fetch(`${served.baseUrl}/mesos/master/state-summary`)).status).toBe(200)
    const v1 = await fetch(`${served.baseUrl}/mesos/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ type: 'GET_VERSION' }) })
    expect(v1.status).toBe(200)
    expect((await fetch(`${served.baseUrl}/service/marathon/v2/apps`)).status).toBe(200)
    // Marathon's own gauge agrees: no event stream is attached.
    const metrics = (await (await fetch(`${served.baseUrl}/service/marathon/metrics`)).json()) as { gauges?: Record<string, { value: number }> }
    expect(metrics.gauges?.['marathon.http.event-streams.active.gauge']?.value ?? 0).toBe(0)

    expect((await demo('/restore', {})).json).toEqual({ open: { mesos: 0, marathon: 0 }, refusing: false })
    const again = await subscribe()
    expect(again.status).toBe(200)
    await again.body!.cancel()
    await expect.poll(async () => (await demo('')).json.open).toEqual({ mesos: 0, marathon: 0 })
  })

  it('drop without refuse lets clients reconnect at once; a bad body is a 400', async () => {
    const mesos = await subscribe()
    const ended = readToEnd(mesos)
    expect((await demo('/drop', {})).json).toMatchObject({ dropped: { mesos: 1, marathon: 0 }, refusing: false })
    await ended
    const again = await subscribe()
    expect(again.status).toBe(200)
    await again.body!.cancel()
    expect((await demo('/drop', { refuse: 'yes' })).status).toBe(400)
  })
})
