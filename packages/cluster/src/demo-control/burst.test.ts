/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped wire JSON */
import { afterEach, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { readEvents } from '../mesos/http/test-fixtures.ts'
import { parseBurst } from './burst.ts'

let served: ServedCluster | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

const post = (path: string, body: unknown) =>
  fetch(`${served!.baseUrl}/api/demo${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('parseBurst', () => {
  it('accepts rates up to 10,000/s and bursts up to 120 s', () => {
    expect(parseBurst({ ratePerSecond: 10_000, seconds: 120 })).toEqual({ ratePerSecond: 10_000, seconds: 120 })
    expect(parseBurst({ ratePerSecond: 0.5, seconds: 1 })).toEqual({ ratePerSecond: 0.5, seconds: 1 })
  })
  it.each([{}, { ratePerSecond: 0, seconds: 1 }, { ratePerSecond: 10_001, seconds: 1 }, { ratePerSecond: 10, seconds: 121 }, { ratePerSecond: '10', seconds: 1 }, { ratePerSecond: 10, seconds: -1 }, null])('rejects %j', (body) => {
    expect(typeof parseBurst(body)).toBe('string')
  })
})

describe('POST /api/demo/burst', () => {
  it('rejects bad input with 400 and does nothing', async () => {
    served = await serveCluster({ agents: 4, empty: true, services: 2, instancesPerService: 2 })
    for (const body of ['nope', { ratePerSecond: 20_000, seconds: 1 }, { ratePerSecond: 10 }]) {
      const res = await post('/burst', body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as any).error.kind).toBe('ValidationFailed')
    }
    expect(((await (await fetch(`${served.baseUrl}/api/demo/burst`)).json()) as any).burst).toMatchObject({ running: false, emitted: 0 })
  })

  it('emits rate × seconds health flips on the cluster clock, seen on SUBSCRIBE and Marathon events', async () => {
    served = await serveCluster({ agents: 10, empty: true, services: 10, instancesPerService: 5 })
    const { clock } = served.cluster
    const subscribe = await fetch(`${served.baseUrl}/mesos/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ type: 'SUBSCRIBE' }) })
    const marathon = await fetch(`${served.baseUrl}/service/marathon/v2/events?event_type=health_status_changed_event`, { headers: { Accept: 'text/event-stream' } })

    const res = await post('/burst', { ratePerSecond: 200, seconds: 2 })
    expect(res.status).toBe(202)
    expect(((await res.json()) as any).burst).toMatchObject({ running: true, ratePerSecond: 200, seconds: 2, tasks: 50, emitted: 0 })
    expect((await post('/burst', { ratePerSecond: 1, seconds: 1 })).status).toBe(409)

    clock.advance(1000)
    const half = ((await (await fetch(`${served.baseUrl}/api/demo/burst`)).json()) as any).burst
    expect(half.emitted + half.skipped).toBe(200)
    clock.advance(1500)
    const done = ((await (await fetch(`${served.baseUrl}/api/demo/burst`)).json()) as any).burst
    expect(done).toMatchObject({ running: false })
    expect(done.emitted + done.skipped).toBe(400)
    expect(done.emitted).toBe(400) // every seeded task keeps running, so none is skipped

    const updates = await readEvents(subscribe as any, (evs) => evs.filter((e) => e.type === 'TASK_UPDATED').length >= 400)
    const health = updates.filter((e: any) => e.type === 'TASK_UPDATED').map((e: any) => e.task_updated.status)
    expect(health).toHaveLength(400)
    for (const s of health) expect(s).toMatchObject({ state: 'TASK_RUNNING', reason: 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED' })
    expect(health.some((s: any) => s.healthy === false)).toBe(true)

    const reader = marathon.body!.getReader()
    let text = ''
    while ((text.match(/event: health_status_changed_event/g) ?? []).length < 400) text += new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    // The burst can run again once the first one is over.
    expect((await post('/burst', { ratePerSecond: 1, seconds: 1 })).status).toBe(202)
  })

  it('answers 409 when no running Marathon task has a health check', async () => {
    served = await serveCluster({ agents: 2, empty: true })
    const res = await post('/burst', { ratePerSecond: 10, seconds: 1 })
    expect(res.status).toBe(409)
  })
})
