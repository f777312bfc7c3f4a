/**
 * The Marathon mirror against the embedded Marathon: once `/v2/events` is attached, the services
 * tree is answered from memory (no upstream call) and follows creates, scaling, task churn and
 * deletes — including an app created inside a brand-new group — with Marathon's own numbers.
 */
import type { ServiceGroupView } from '@meridian/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'
import { createMarathonClient } from '../upstreams/marathon/index.ts'
import { indexQueue, toServiceTree } from '../views/services/to-service-view.ts'

let t: ServedBff

beforeAll(async () => {
  t = await serveBffOnCluster({ agents: 6, app: { warm: true, serviceSnapshots: { debounceMs: 10 }, marathonFeed: { queueRefreshMs: 50 } } })
})
afterAll(() => t.close())

async function fromMarathon(): Promise<ServiceGroupView> {
  const m = createMarathonClient({ baseUrl: t.served.baseUrl })
  const [root, queue] = await Promise.all([m.groups(), m.queue()])
  return toServiceTree(root, indexQueue(queue))
}

async function fromBff(): Promise<ServiceGroupView> {
  const res = await t.admin.request('/api/services')
  expect(res.status).toBe(200)
  return ((await res.json()) as { root: ServiceGroupView }).root
}

async function callsFor(read: () => Promise<unknown>): Promise<number> {
  const before = t.calls.length
  await read()
  return t.calls.length - before
}

/** Tree equality, ignoring deployment ids' order. */
const same = async () => JSON.stringify(await fromBff()) === JSON.stringify(await fromMarathon())

describe('Marathon mirror', () => {
  it('answers the services tree from memory once the event stream is attached', async () => {
    await expect.poll(() => callsFor(fromBff), { timeout: 5000 }).toBe(0)
    await t.advance(30_000)
    await expect.poll(same, { timeout: 5000 }).toBe(true)
  })

  it('follows a create in a new group, a scale and a delete', async () => {
    const id = '/mirror-test/deep/web'
    expect((await t.operator.request('/api/services', { method: 'POST', json: { id, cmd: 'sleep 3600', cpus: 0.1, mem: 32, instances: 1 } })).status).toBe(201)
    await t.advance(20_000)
    await expect.poll(async () => JSON.stringify(await fromBff()).includes(id), { timeout: 5000 }).toBe(true)
    await expect.poll(same, { timeout: 5000 }).toBe(true)

    expect((await t.operator.request(`/api/services/${encodeURIComponent(id)}/scale`, { method: 'POST', json: { instances: 3 } })).status).toBe(200)
    await t.advance(30_000)
    await expect.poll(same, { timeout: 5000 }).toBe(true)
    const row = (await fromBff()).groups.find((g) => g.id === '/mirror-test')?.groups[0]?.services[0]
    expect(row).toMatchObject({ id, instances: 3 })

    expect((await t.operator.request(`/api/services/${encodeURIComponent(id)}`, { method: 'DELETE' })).status).toBe(200)
    await t.advance(20_000)
    await expect.poll(async () => JSON.stringify(await fromBff()).includes(id), { timeout: 5000 }).toBe(false)
    expect(await callsFor(fromBff)).toBe(0)
  })
})
