import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mesosFixture, readEvents, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture({ tasks: 2 })
})
afterEach(() => f.close())

const demo = (path: string, body?: unknown) =>
  fetch(`${f.baseUrl}/api/demo${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })

describe('SUBSCRIBE over a real socket', () => {
  it('streams SUBSCRIBED, task and agent events from demo faults, and heartbeats on the simulated clock', async () => {
    const listenersBefore = f.cluster.master.listenerCount()
    const res = await f.v1({ type: 'SUBSCRIBE' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('content-length')).toBeNull()

    const first = await readEvents(res, (e) => e.length >= 1)
    const subscribed = first[0]!.subscribed as { heartbeat_interval_seconds: number; get_state: { get_tasks: { tasks: Array<{ task_id: { value: string } }> }; get_agents: { agents: unknown[] } } }
    expect(first[0]!.type).toBe('SUBSCRIBED')
    expect(subscribed.heartbeat_interval_seconds).toBe(15)
    expect(subscribed.get_state.get_tasks.tasks.map((t) => t.task_id.value).sort()).toEqual(f.tasks.map((t) => t.id).sort())
    expect(subscribed.get_state.get_agents.agents).toHaveLength(4)
    expect(f.cluster.master.listenerCount()).toBe(listenersBefore + 1)

    const target = f.tasks[0]!
    expect((await demo(`/tasks/${encodeURIComponent(target.id)}/fail`)).status).toBe(200)
    const afterFail = await readEvents(res, (e) => e.some((x) => x.type === 'TASK_UPDATED'))
    const updated = afterFail.find((x) => x.type === 'TASK_UPDATED')!.task_updated as { framework_id: { value: string }; state: string; status: { task_id: { value: string }; state: string; reason: string } }
    expect(updated).toMatchObject({ framework_id: { value: f.framework.id }, state: 'TASK_FAILED', status: { task_id: { value: target.id }, state: 'TASK_FAILED', reason: 'REASON_COMMAND_EXECUTOR_FAILED' } })

    const victim = f.tasks[1]!.agentId
    expect((await demo(`/agents/${victim}/kill`)).status).toBe(200)
    const afterKill = await readEvents(res, (e) => e.some((x) => x.type === 'AGENT_REMOVED'))
    const gone = afterKill.find((x) => x.type === 'TASK_UPDATED')!.task_updated as { state: string }
    expect(gone.state).toBe('TASK_GONE')
    expect(afterKill.find((x) => x.type === 'AGENT_REMOVED')!.agent_removed).toEqual({ agent_id: { value: victim } })
    // The internal AGENT_UPDATED never reaches the operator stream.
    expect(afterKill.some((x) => x.type === 'AGENT_UPDATED')).toBe(false)

    expect((await demo('/clock/advance', { ms: 15_000 })).status).toBe(200)
    const beat = await readEvents(res, (e) => e.some((x) => x.type === 'HEARTBEAT'))
    expect(beat.find((x) => x.type === 'HEARTBEAT')).toEqual({ type: 'HEARTBEAT' })

    await res.body!.cancel()
    for (let i = 0; i < 50 && f.cluster.master.listenerCount() > listenersBefore; i++) await new Promise((r) => setTimeout(r, 20))
    expect(f.cluster.master.listenerCount()).toBe(listenersBefore)
  })

  it('emits FRAMEWORK_ADDED and TASK_ADDED for new work', async () => {
    const res = await f.v1({ type: 'SUBSCRIBE' })
    await readEvents(res, (e) => e.length >= 1)
    const fw = f.cluster.master.registerFramework({ name: 'metronome-test' })
    const agent = [...f.cluster.master.agents.values()][2]!
    f.cluster.master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 'job.1', name: 'job', resources: { cpus: 0.1, mem: 32, disk: 0, gpus: 0 } })
    const events = await readEvents(res, (e) => e.some((x) => x.type === 'TASK_ADDED'))
    expect(events[0]).toMatchObject({ type: 'FRAMEWORK_ADDED', framework_added: { framework: { framework_info: { name: 'metronome-test' } } } })
    expect(events.find((x) => x.type === 'TASK_ADDED')).toMatchObject({ task_added: { task: { task_id: { value: 'job.1' }, state: 'TASK_STAGING' } } })
    await res.body!.cancel()
  })
})
