import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { http, mesosFixture, type MesosFixture } from '../mesos/http/test-fixtures.ts'
import { serveCluster } from '../testing/serve-cluster.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture({ tasks: 3 })
})
afterEach(() => f.close())

const post = (path: string, body?: unknown, baseUrl = f.baseUrl) =>
  http(`${baseUrl}/api/demo${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) })
const taskState = async (id: string) => {
  const res = await http(`${f.baseUrl}/mesos/master/tasks?task_id=${encodeURIComponent(id)}`)
  return ((await res.json()) as { tasks: Array<{ state: string; statuses: unknown[] }> }).tasks[0]
}

describe('/api/demo', () => {
  it('reports seed, speed and virtual time', async () => {
    const s = await (await http(`${f.baseUrl}/api/demo/state`)).json()
    expect(s).toMatchObject({ seed: 1, speed: 1, clock: 'manual', virtualTime: f.cluster.clock.now(), agents: 4 })
    expect(s.virtualTimeIso).toBe(new Date(f.cluster.clock.now()).toISOString())
  })

  it('advances a manual clock and rejects bad input without moving time', async () => {
    const before = f.cluster.clock.now()
    for (const body of [{}, { ms: -1 }, { ms: 'x' }, 'nope']) {
      const res = await post('/clock/advance', body)
      expect(res.status).toBe(400)
      expect((await res.json()).error.kind).toBe('ValidationFailed')
    }
    expect(f.cluster.clock.now()).toBe(before)
    const ok = await post('/clock/advance', { ms: 2500 })
    expect(ok.status).toBe(200)
    expect((await ok.json()).virtualTime).toBe(before + 2500)
  })

  it('refuses to advance a realtime clock with 409', async () => {
    const rt = await serveCluster({ empty: true, agents: 1, clock: 'realtime' })
    try {
      const res = await post('/clock/advance', { ms: 10 }, rt.baseUrl)
      expect(res.status).toBe(409)
      expect((await res.json()).error).toMatchObject({ kind: 'Conflict' })
    } finally {
      await rt.close()
    }
  })

  it('fails and kills tasks, 404 for unknown ids, 409 for finished tasks', async () => {
    const [a, b] = f.tasks
    expect((await post(`/tasks/${encodeURIComponent(a!.id)}/fail`)).status).toBe(200)
    expect((await taskState(a!.id))!.state).toBe('TASK_FAILED')
    const again = await post(`/tasks/${encodeURIComponent(a!.id)}/fail`)
    expect(again.status).toBe(409)
    expect((await post(`/tasks/${encodeURIComponent(b!.id)}/kill`)).status).toBe(200)
    expect((await taskState(b!.id))!.state).toBe('TASK_KILLING')
    await post('/clock/advance', { ms: 1000 })
    expect((await taskState(b!.id))!.state).toBe('TASK_KILLED')
    const missing = await post('/tasks/nope/fail')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: { kind: 'NotFound', message: "Task 'nope' not found" } })
  })

  it('partitions and heals an agent: TASK_UNREACHABLE then TASK_RUNNING', async () => {
    const t = f.tasks[0]!
    expect((await post(`/agents/${t.agentId}/heal`)).status).toBe(409)
    expect((await post(`/agents/${t.agentId}/partition`)).status).toBe(200)
    expect((await taskState(t.id))!.state).toBe('TASK_UNREACHABLE')
    const state = await (await http(`${f.baseUrl}/mesos/master/state`)).json()
    expect(state.unreachable_slaves).toBe(1)
    expect((await post(`/agents/${t.agentId}/partition`)).status).toBe(409)
    expect((await post(`/agents/${t.agentId}/heal`)).status).toBe(200)
    expect((await taskState(t.id))!.state).toBe('TASK_RUNNING')
  })

  it('restarts an agent: same id, tasks gone with REASON_AGENT_RESTARTED', async () => {
    const t = f.tasks[0]!
    expect((await post(`/agents/${t.agentId}/restart`)).status).toBe(200)
    expect(f.cluster.master.agents.get(t.agentId)?.reregisteredTime).toBe(f.cluster.clock.nowSeconds())
    const v1 = await (await f.v1({ type: 'GET_TASKS' })).json()
    const done = v1.get_tasks.completed_tasks.find((x: { task_id: { value: string } }) => x.task_id.value === t.id)
    expect(done.state).toBe('TASK_GONE')
    expect(done.statuses.at(-1)).toMatchObject({ reason: 'REASON_AGENT_RESTARTED', source: 'SOURCE_AGENT' })
  })

  it('kills an agent: removed from state, tasks TASK_GONE; 404 afterwards', async () => {
    const t = f.tasks[0]!
    expect((await post(`/agents/${t.agentId}/kill`)).status).toBe(200)
    const state = await (await http(`${f.baseUrl}/mesos/master/state`)).json()
    expect(state.slaves.map((s: { id: string }) => s.id)).not.toContain(t.agentId)
    expect((await taskState(t.id))!.state).toBe('TASK_GONE')
    expect((await post(`/agents/${t.agentId}/kill`)).status).toBe(404)
  })
})
