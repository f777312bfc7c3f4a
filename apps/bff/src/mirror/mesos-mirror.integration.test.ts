/**
 * The mirror against a real (embedded) master: after launches, failures, kills and a
 * maintenance change, every node row the BFF answers from memory equals the row built from the
 * master's own `/master/state-summary`, and answering costs no upstream call.
 */
import type { NodesListView } from '@meridian/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'
import { createMesosClient } from '../upstreams/mesos/index.ts'
import { listNodes } from '../views/nodes/list-nodes.ts'

let t: ServedBff

beforeAll(async () => {
  t = await serveBffOnCluster({ agents: 8, app: { warm: true, mesosFeed: { nodeFlushMs: 10, agentRefreshMs: 3_600_000 } } })
})
afterAll(() => t.close())

async function fromMaster(): Promise<NodesListView> {
  const mesos = createMesosClient({ baseUrl: t.served.baseUrl })
  const [summary, maintenance] = await Promise.all([mesos.stateSummary(), mesos.maintenanceStatus()])
  return listNodes(summary, maintenance)
}

async function fromBff(): Promise<NodesListView> {
  const res = await t.admin.request('/api/nodes')
  expect(res.status).toBe(200)
  return (await res.json()) as NodesListView
}

/** Answered from memory once the mirror is in sync: no upstream call. */
async function untilMirrored(): Promise<void> {
  await expect
    .poll(async () => {
      const before = t.calls.length
      await fromBff()
      return t.calls.length - before
    }, { timeout: 5000 })
    .toBe(0)
}

describe('Mesos mirror', () => {
  it('answers /api/nodes from memory with the master’s numbers while tasks come and go', async () => {
    await untilMirrored()
    await t.advance(90_000)
    // Kill a running task and fail another through the cluster's own APIs.
    const state = (await (await fetch(`${t.served.baseUrl}/mesos/master/tasks`)).json()) as { tasks: Array<{ id: string; state: string }> }
    const running = state.tasks.filter((x) => x.state === 'TASK_RUNNING')
    expect(running.length).toBeGreaterThan(2)
    await fetch(`${t.served.baseUrl}/api/demo/tasks/${encodeURIComponent(running[0]!.id)}/fail`, { method: 'POST' })
    await fetch(`${t.served.baseUrl}/api/demo/tasks/${encodeURIComponent(running[1]!.id)}/kill`, { method: 'POST' })
    await t.advance(20_000)
    await expect.poll(async () => JSON.stringify((await fromBff()).nodes), { timeout: 5000 }).toBe(JSON.stringify((await fromMaster()).nodes))
    const nodes = (await fromBff()).nodes
    expect(nodes.some((n) => n.allocated.cpus > 0)).toBe(true)
    expect(nodes.some((n) => (n.tasksByState.TASK_RUNNING ?? 0) > 0)).toBe(true)
  })

  it('picks up agent flags the operator stream does not carry, after a maintenance call through the BFF', async () => {
    const { nodes } = await fromBff()
    const target = nodes.find((n) => n.health === 'active')!
    expect((await t.admin.request(`/api/nodes/${target.id}/deactivate`, { method: 'POST' })).status).toBe(200)
    await expect.poll(async () => (await fromBff()).nodes.find((n) => n.id === target.id)?.health, { timeout: 5000 }).toBe('deactivated')
    expect((await t.admin.request(`/api/nodes/${target.id}/reactivate`, { method: 'POST' })).status).toBe(200)
    await expect.poll(async () => (await fromBff()).nodes.find((n) => n.id === target.id)?.health, { timeout: 5000 }).toBe('active')
  })

  it('follows a partitioned agent out of the list and back in within seconds, as state-summary does (its tasks’ updates trigger the re-read; the periodic one is an hour here)', async () => {
    const { nodes } = await fromBff()
    const target = nodes.find((n) => n.health === 'active' && (n.tasksByState.TASK_RUNNING ?? 0) > 0)!
    expect((await fetch(`${t.served.baseUrl}/api/demo/agents/${target.id}/partition`, { method: 'POST' })).status).toBe(200)
    // Mesos lists only registered agents: the unreachable one leaves state-summary.
    expect((await fromMaster()).nodes.map((n) => n.id)).not.toContain(target.id)
    await expect.poll(async () => (await fromBff()).nodes.map((n) => n.id), { timeout: 5000 }).not.toContain(target.id)
    expect((await fetch(`${t.served.baseUrl}/api/demo/agents/${target.id}/heal`, { method: 'POST' })).status).toBe(200)
    await expect.poll(async () => (await fromBff()).nodes.find((n) => n.id === target.id)?.health, { timeout: 5000 }).toBe('active')
    await expect.poll(async () => JSON.stringify((await fromBff()).nodes), { timeout: 5000 }).toBe(JSON.stringify((await fromMaster()).nodes))
  })

  it('shows a drained agent DRAINED as soon as its last task ends (not at the next periodic re-read)', async () => {
    const { nodes } = await fromBff()
    const target = nodes.find((n) => n.health === 'active' && (n.tasksByState.TASK_RUNNING ?? 0) > 0)!
    expect((await t.admin.request(`/api/nodes/${target.id}/drain`, { method: 'POST', json: { maxGracePeriodSeconds: 5 } })).status).toBe(200)
    // The re-read that follows the console's own call sees it DRAINING (its tasks still stop)...
    await expect.poll(async () => (await fromBff()).nodes.find((n) => n.id === target.id)?.maintenance, { timeout: 5000 }).toBe('draining')
    await new Promise((r) => setTimeout(r, 400))
    // ...then the tasks end on the cluster's clock.
    await t.advance(30_000)
    const master = (await fromMaster()).nodes.find((n) => n.id === target.id)!
    expect(master.maintenance).toBe('drained')
    await expect.poll(async () => (await fromBff()).nodes.find((n) => n.id === target.id)?.maintenance, { timeout: 5000 }).toBe('drained')
  })

  it('serves node detail from memory with the agent’s active tasks', async () => {
    const { nodes } = await fromBff()
    const busy = nodes.find((n) => (n.tasksByState.TASK_RUNNING ?? 0) > 0)!
    const before = t.calls.length
    const res = await t.admin.request(`/api/nodes/${busy.id}`)
    expect(res.status).toBe(200)
    const detail = await res.json()
    expect(t.calls.length).toBe(before)
    expect(detail.tasks.filter((x: { state: string }) => x.state === 'TASK_RUNNING')).toHaveLength(busy.tasksByState.TASK_RUNNING ?? 0)
    expect((await t.admin.request('/api/nodes/nope-S99')).status).toBe(404)
  })
})
