/** Service actions over HTTP against a served embedded cluster (real Marathon deployments). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
const id = '/test/actions'
const path = `/api/services/${encodeURIComponent(id)}`
const detail = async () => (await t.viewer.request(path)).json()
const settle = async () => {
  for (let i = 0; i < 30 && (await detail()).deployments.length > 0; i++) await t.advance(5000, 1000)
}

beforeAll(async () => {
  t = await serveBffOnCluster()
  const res = await t.operator.request('/api/services', { method: 'POST', json: { id, cmd: 'sleep 3600', cpus: 0.1, mem: 32, instances: 2 } })
  expect(res.status).toBe(201)
  await settle()
})
afterAll(() => t.close())

describe('service actions', () => {
  it('edits the definition (PUT), then rolls back to the previous version', async () => {
    const d0 = await detail()
    expect(d0.tasks.running).toBe(2)
    const edit = await t.operator.request(path, { method: 'PUT', json: { ...d0.definition, cmd: 'sleep 7200' } })
    expect(edit.status).toBe(200)
    expect((await edit.json()).deploymentId).toBeTruthy()
    await settle()
    const d1 = await detail()
    expect(d1.cmd).toBe('sleep 7200')
    expect(d1.versions.length).toBeGreaterThanOrEqual(2)
    const mismatched = await t.operator.request(path, { method: 'PUT', json: { id: '/other', cmd: 'x' } })
    expect(mismatched.status).toBe(400)

    const rollback = await t.operator.request(`${path}/rollback`, { method: 'POST', json: { version: d0.version } })
    expect(rollback.status).toBe(200)
    await settle()
    expect((await detail()).cmd).toBe('sleep 3600')
    expect((await t.operator.request(`${path}/rollback`, { method: 'POST', json: { version: 'yesterday' } })).status).toBe(400)
  })

  it('suspends to 0 instances and resumes', async () => {
    expect((await t.operator.request(`${path}/suspend`, { method: 'POST' })).status).toBe(200)
    await settle()
    expect(await detail()).toMatchObject({ instances: 0, status: 'Suspended', tasks: { running: 0 } })
    expect((await t.operator.request(`${path}/resume`, { method: 'POST', json: { instances: 2 } })).status).toBe(200)
    await settle()
    expect(await detail()).toMatchObject({ instances: 2, tasks: { running: 2 } })
  })

  it('restarts (new tasks replace the old ones)', async () => {
    const before = (await detail()).taskList.map((x: { id: string }) => x.id).sort()
    const res = await t.operator.request(`${path}/restart`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect((await res.json()).deploymentId).toBeTruthy()
    await settle()
    const after = (await detail()).taskList.map((x: { id: string }) => x.id)
    expect(after).toHaveLength(2)
    expect(after.some((x: string) => before.includes(x))).toBe(false)
  })

  it('kills tasks (with scale), refusing tasks of other services', async () => {
    const tasks = (await detail()).taskList.map((x: { id: string }) => x.id)
    const foreign = await t.operator.request(`${path}/kill-tasks`, { method: 'POST', json: { taskIds: ['prod_web.instance-x._app.1'] } })
    expect(foreign.status).toBe(400)
    const res = await t.operator.request(`${path}/kill-tasks`, { method: 'POST', json: { taskIds: [tasks[0]], scale: true } })
    expect(res.status).toBe(200)
    await settle()
    expect(await detail()).toMatchObject({ instances: 1 })
  })

  it('stops a running deployment (rollback), and answers 404 for unknown deployments', async () => {
    // No offers can fit 10 000 cpus, so this deployment stays running until it is stopped.
    const scale = await t.operator.request(path, { method: 'PUT', json: { ...(await detail()).definition, cpus: 10_000 } })
    const { deploymentId } = await scale.json()
    await t.advance(2000)
    expect((await detail()).deploymentIds).toContain(deploymentId)
    expect((await t.viewer.request(`/api/deployments/${deploymentId}`, { method: 'DELETE' })).status).toBe(403)
    const stop = await t.operator.request(`/api/deployments/${deploymentId}`, { method: 'DELETE' })
    expect(stop.status).toBe(200)
    await settle()
    const d = await detail()
    expect(d.deploymentIds).not.toContain(deploymentId)
    expect(d.resources.cpus).toBe(0.1)
    expect((await t.operator.request('/api/deployments/00000000-0000-0000-0000-000000000000', { method: 'DELETE' })).status).toBe(404)
  })

  it('forbids viewers every action and destroys for operators', async () => {
    const before = t.calls.length
    for (const [p, init] of [
      [`${path}/suspend`, { method: 'POST' }],
      [`${path}/restart`, { method: 'POST' }],
      [`${path}/kill-tasks`, { method: 'POST', json: { taskIds: ['test_actions.x'] } }],
      [path, { method: 'DELETE' }],
    ] as const) {
      expect((await t.viewer.request(p, init)).status, p).toBe(403)
    }
    expect(t.calls.length).toBe(before)
    expect((await t.operator.request(path, { method: 'DELETE' })).status).toBe(200)
    await t.advance(10_000)
    expect((await t.viewer.request(path)).status).toBe(404)
  })
})
