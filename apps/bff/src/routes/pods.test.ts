/** /api/services/:id/pods over HTTP: Kafka installed through the BFF, its pods from the SDK scheduler and Mesos, and pod commands. */
import type { PodsListView } from '@meridian/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
const kafka = encodeURIComponent('/kafka')
const pods = async (): Promise<PodsListView> => (await t.viewer.request(`/api/services/${kafka}/pods`)).json()

beforeAll(async () => {
  t = await serveBffOnCluster()
  expect((await t.operator.request('/api/catalog/install', { method: 'POST', json: { packageName: 'kafka' } })).status).toBe(200)
  const deployed = async () => (await (await t.viewer.request(`/api/services/${kafka}/plans/deploy`)).json()).status === 'COMPLETE'
  for (let i = 0; i < 60 && !(await deployed()); i++) await t.advance(5000, 1000)
})
afterAll(() => t.close())

describe('/api/services/:id/pods', () => {
  it('lists every broker pod with its running task, host and resources', async () => {
    const view = await pods()
    expect(view.service).toBe('/kafka')
    expect(view.pods.length).toBeGreaterThanOrEqual(3)
    expect(view.pods.map((p) => p.name).slice(0, 3)).toEqual(['kafka-0', 'kafka-1', 'kafka-2'])
    for (const p of view.pods) {
      expect(p.type).toBe('kafka')
      const broker = p.tasks.find((x) => x.name === `${p.name}-broker`)!
      expect(broker).toMatchObject({ state: 'TASK_RUNNING' })
      expect(broker.id).toMatch(/^kafka-\d+-broker__/)
      expect(broker.host).toMatch(/\S/)
      expect(broker.resources.cpus).toBeGreaterThan(0)
    }
  })

  it('restarts a pod for operators only, and the broker is relaunched with a new task id', async () => {
    const before = (await pods()).pods[0]!.tasks[0]!.id
    expect((await t.viewer.request(`/api/services/${kafka}/pods/kafka-0/restart`, { method: 'POST' })).status).toBe(403)
    const res = await t.operator.request(`/api/services/${kafka}/pods/kafka-0/restart`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ pod: 'kafka-0', tasks: ['kafka-0-broker'] })
    for (let i = 0; i < 30 && (await pods()).pods[0]!.tasks[0]!.id === before; i++) await t.advance(2000, 1000)
    const after = (await pods()).pods[0]!.tasks[0]!
    expect(after.id).not.toBe(before)
  })

  it('answers 404 for unknown pods and non-SDK services, 400 for bad pod names or actions', async () => {
    const unknown = await t.operator.request(`/api/services/${kafka}/pods/kafka-99/replace`, { method: 'POST' })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.message).toContain('kafka-99')
    expect((await t.viewer.request(`/api/services/${encodeURIComponent('/prod/api/orders')}/pods`)).status).toBe(404)
    const before = t.calls.length
    for (const path of ['pods/..%2F..%2Fx/restart', 'pods/kafka-0/destroy', 'pods/Kafka_0/restart']) {
      const res = await t.operator.request(`/api/services/${kafka}/${path}`, { method: 'POST' })
      expect(res.status, path).toBe(400)
    }
    expect(t.calls.length).toBe(before)
  })
})
