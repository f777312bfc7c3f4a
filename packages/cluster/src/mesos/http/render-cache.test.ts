import { afterEach, describe, expect, it } from 'vitest'
import { mesosFixture, type Loose, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture | undefined
afterEach(() => f?.close())

const v0Task = async (fx: MesosFixture, id: string): Promise<Loose> => {
  const s = await (await fx.mesos('/master/state')).json()
  const fw = s.frameworks.find((x: Loose) => x.id === fx.framework.id)
  return [...fw.tasks, ...fw.completed_tasks].find((t: Loose) => t.id === id)
}
const v1Task = async (fx: MesosFixture, id: string): Promise<Loose> => {
  const s = await (await fx.v1({ type: 'GET_STATE' })).json()
  const t = s.get_state.get_tasks
  return [...t.tasks, ...t.completed_tasks].find((x: Loose) => x.task_id.value === id)
}

describe('cached task renders', () => {
  it('are invalidated when a task changes state or health', async () => {
    f = await mesosFixture()
    const task = f.tasks[0]!
    // Warm the caches.
    expect((await v0Task(f, task.id)).state).toBe('TASK_RUNNING')
    expect((await v1Task(f, task.id)).statuses).toHaveLength(3)

    f.cluster.master.setTaskHealth(task.id, false)
    const unhealthyV0 = await v0Task(f, task.id)
    expect(unhealthyV0.statuses).toHaveLength(4)
    expect(unhealthyV0.statuses[3].healthy).toBe(false)
    const unhealthyV1 = await v1Task(f, task.id)
    expect(unhealthyV1.statuses[3]).toMatchObject({ healthy: false, reason: 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED' })
    expect(unhealthyV1.status_update_uuid).toBe(unhealthyV1.statuses[3].uuid)

    f.cluster.master.killTask(task.id)
    expect((await v0Task(f, task.id)).state).toBe('TASK_KILLING')
    expect((await v1Task(f, task.id)).state).toBe('TASK_KILLING')
    f.cluster.clock.advance(1000)
    const killed = await v0Task(f, task.id)
    expect(killed.state).toBe('TASK_KILLED')
    expect(killed.statuses.map((s: Loose) => s.state)).toEqual(['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING', 'TASK_RUNNING', 'TASK_KILLING', 'TASK_KILLED'])
    expect((await v1Task(f, task.id)).state).toBe('TASK_KILLED')
    // The agent no longer counts the task's resources as allocated.
    const agents = (await (await f.v1({ type: 'GET_AGENTS' })).json()).get_agents.agents
    const agent = agents.find((a: Loose) => a.agent_info.id.value === task.agentId)
    expect(agent.allocated_resources ?? []).toEqual([])
  })

  it('are invalidated when the reservation a task runs on goes away', async () => {
    f = await mesosFixture({ tasks: 0 })
    const { master, clock } = f.cluster
    const agent = [...master.agents.values()].find((a) => !a.public)!
    const r = master.reserve({ agentId: agent.id, role: 'kafka-role', principal: 'kafka', resources: { cpus: 1, mem: 256, disk: 0, gpus: 0 } })!
    const fw = master.registerFramework({ name: 'kafka', roles: ['kafka-role'], principal: 'kafka' })
    const launched = master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 'kafka-0-broker', name: 'kafka-0-broker', resources: { cpus: 0.5, mem: 128, disk: 0, gpus: 0 }, reservationId: r.id })
    expect(launched.ok).toBe(true)
    clock.advance(3000)
    const before = await v1Task(f, 'kafka-0-broker')
    expect(before.resources[0].reservations).toEqual([{ type: 'DYNAMIC', role: 'kafka-role', principal: 'kafka' }])
    master.unreserve(r.id)
    const after = await v1Task(f, 'kafka-0-broker')
    expect(after.resources[0].reservations).toBeUndefined()
    expect(after.resources[0].role).toBe('*')
  })

  it('stream large responses that still parse as one JSON document', async () => {
    f = await mesosFixture({ tasks: 400, agents: 100 })
    const res = await f.v1({ type: 'GET_STATE' })
    expect(res.headers.get('content-length')).toBeNull()
    const text = await res.text()
    expect(text.length).toBeGreaterThan(256 * 1024)
    const s = JSON.parse(text)
    expect(s.get_state.get_tasks.tasks).toHaveLength(400)
    const small = await f.v1({ type: 'GET_HEALTH' })
    expect(small.headers.get('content-length')).toBe(String((await small.text()).length))
  })
})
