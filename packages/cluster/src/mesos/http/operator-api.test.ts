import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mesosFixture, type LooseResponse, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture({ tasks: 3 })
})
afterEach(() => f.close())

async function expectPlain(res: LooseResponse, status: number, body: string) {
  expect(res.status).toBe(status)
  expect(await res.text()).toBe(body)
}

describe('POST /api/v1 request handling', () => {
  it('rejects a wrong method, missing or unsupported Content-Type, and an unacceptable Accept', async () => {
    const get = await f.mesos('/api/v1')
    expect(get.headers.get('allow')).toBe('POST')
    await expectPlain(get, 405, "Expecting one of { 'POST' }, but received 'GET'")
    // fetch adds text/plain for string bodies, so send bytes to leave Content-Type out.
    await expectPlain(await f.mesos('/api/v1', { method: 'POST', body: new TextEncoder().encode('{"type":"GET_HEALTH"}') }), 400, "Expecting 'Content-Type' to be present")
    await expectPlain(await f.v1({ type: 'GET_HEALTH' }, { 'Content-Type': 'text/plain' }), 415, "Expecting 'Content-Type' of application/json or application/x-protobuf")
    await expectPlain(await f.v1({ type: 'GET_HEALTH' }, { Accept: 'text/html' }), 406, "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'")
  })

  it('rejects bad JSON, a non-object body, a missing type and a missing sub-message with 400 plain text', async () => {
    const bad = await f.v1('{"type": ')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/^Failed to parse body into JSON: /)
    await expectPlain(await f.v1('[1]'), 400, 'Failed to convert JSON into Call protobuf: Expecting a JSON object')
    await expectPlain(await f.v1({ type: 7 }), 400, "Failed to convert JSON into Call protobuf: Not expecting a JSON number for field 'type'")
    await expectPlain(await f.v1({}), 400, "Failed to validate master::Call: Expecting 'type' to be present")
    await expectPlain(await f.v1({ type: 'GET_METRICS' }), 400, "Failed to validate master::Call: Expecting 'get_metrics' to be present")
    await expectPlain(await f.v1({ type: 'DRAIN_AGENT', drain_agent: {} }), 400, 'Failed to convert JSON into Call protobuf: Missing required fields: drain_agent.agent_id.value')
  })

  it('treats an unknown type name as absent (400) and the UNKNOWN type as not implemented (501)', async () => {
    // stout drops unrecognised values of optional enums, so validation sees no type.
    await expectPlain(await f.v1({ type: 'GET_EVERYTHING' }), 400, "Failed to validate master::Call: Expecting 'type' to be present")
    await expectPlain(await f.v1({ type: 'UNKNOWN' }), 501, '')
  })

  it('does not change state on a rejected write', async () => {
    const agent = [...f.cluster.master.agents.values()][1]!
    await f.v1({ type: 'DEACTIVATE_AGENT' })
    await f.v1({ type: 'DEACTIVATE_AGENT', deactivate_agent: { agent_id: {} } })
    await f.v1({ type: 'TEARDOWN', teardown: { framework_id: { value: 'nope' } } })
    expect(agent.deactivated).toBe(false)
    expect(f.cluster.master.frameworks.has(f.framework.id)).toBe(true)
  })
})

describe('POST /api/v1 calls', () => {
  const call = async (type: string, extra: Record<string, unknown> = {}) => {
    const res = await f.v1({ type, ...extra })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = await res.json()
    expect(body.type).toBe(type)
    return body[type.toLowerCase()]
  }

  it('answers the read calls', async () => {
    expect(await call('GET_HEALTH')).toEqual({ healthy: true })
    expect((await call('GET_VERSION')).version_info.version).toBe('1.11.0')
    const metrics = await call('GET_METRICS', { get_metrics: {} })
    expect(metrics.metrics).toContainEqual({ name: 'master/tasks_running', value: 3 })
    expect((await call('GET_FLAGS')).flags).toContainEqual({ name: 'cluster', value: 'meridian-demo' })
    const m = await call('GET_MASTER')
    expect(m.master_info).toMatchObject({ id: f.cluster.master.id, port: 5050, hostname: 'master.mesos', address: { ip: '10.0.0.1', port: 5050 } })
    expect(m.master_info.ip).toBe(16777226)
  })

  it('renders tasks, agents and frameworks in v1 form', async () => {
    const tasks = await call('GET_TASKS')
    expect(tasks.unreachable_tasks).toEqual([])
    expect(tasks.completed_tasks).toEqual([])
    const t = tasks.tasks.find((x: { task_id: { value: string } }) => x.task_id.value === f.tasks[0]!.id)
    expect(t).toMatchObject({ name: 'web', framework_id: { value: f.framework.id }, agent_id: { value: f.tasks[0]!.agentId }, state: 'TASK_RUNNING', status_update_state: 'TASK_RUNNING' })
    expect(t).not.toHaveProperty('executor_id')
    expect(t.resources[0]).toEqual({ name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 }, role: '*', allocation_info: { role: '*' } })
    expect(t.statuses[2]).toMatchObject({ task_id: { value: f.tasks[0]!.id }, state: 'TASK_RUNNING', source: 'SOURCE_EXECUTOR', executor_id: { value: f.tasks[0]!.id } })
    expect(Buffer.from(t.statuses[2].uuid, 'base64')).toHaveLength(16)
    expect(typeof t.statuses[2].timestamp).toBe('number')

    const agents = await call('GET_AGENTS')
    expect(agents.recovered_agents).toEqual([])
    const idle = agents.agents.find((a: { agent_info: { id: { value: string } } }) => !f.tasks.some((x) => x.agentId === a.agent_info.id.value))
    expect(idle).not.toHaveProperty('allocated_resources')
    expect(idle.agent_info.port).toBe(5051)
    expect(idle.registered_time.nanoseconds).toBeGreaterThan(1e18)
    expect(idle.capabilities).toContainEqual({ type: 'AGENT_DRAINING' })
    const pub = agents.agents.find((a: { agent_info: { attributes?: Array<{ name: string }> } }) => a.agent_info.attributes?.some((x) => x.name === 'public_ip'))
    expect(pub.total_resources[0].reservations).toEqual([{ type: 'STATIC', role: 'slave_public' }])

    const fws = await call('GET_FRAMEWORKS')
    const fw = fws.frameworks.find((x: { framework_info: { id: { value: string } } }) => x.framework_info.id.value === f.framework.id)
    expect(fw.framework_info).toMatchObject({ name: 'marathon', roles: ['slave_public', '*'], principal: 'dcos_marathon', webui_url: 'http://marathon.mesos:8080' })
    expect(fw.framework_info.capabilities).toContainEqual({ type: 'MULTI_ROLE' })
    expect(fw.allocated_resources.length).toBeGreaterThan(0)
    expect(fws.completed_frameworks).toEqual([])
    expect((await call('GET_EXECUTORS')).executors).toEqual([])
    const state = await call('GET_STATE')
    expect(Object.keys(state).sort()).toEqual(['get_agents', 'get_executors', 'get_frameworks', 'get_tasks'])
    const roles = (await call('GET_ROLES')).roles
    expect(roles.find((r: { name: string }) => r.name === '*').frameworks).toContainEqual({ value: f.framework.id })
  })

  it('drains, deactivates, reactivates, marks gone and tears down', async () => {
    const master = f.cluster.master
    const busy = master.agents.get(f.tasks[0]!.agentId)!
    const idle = [...master.agents.values()].find((a) => a.taskIds.size === 0)!
    expect((await f.v1({ type: 'DEACTIVATE_AGENT', deactivate_agent: { agent_id: { value: idle.id } } })).status).toBe(200)
    expect(idle.deactivated).toBe(true)
    expect((await f.v1({ type: 'REACTIVATE_AGENT', reactivate_agent: { agent_id: { value: idle.id } } })).status).toBe(200)
    expect(idle.deactivated).toBe(false)
    await expectPlain(await f.v1({ type: 'REACTIVATE_AGENT', reactivate_agent: { agent_id: { value: idle.id } } }), 400, 'Agent is not deactivated')
    await expectPlain(await f.v1({ type: 'DRAIN_AGENT', drain_agent: { agent_id: { value: 'nope' } } }), 400, 'Unknown agent')
    expect((await f.v1({ type: 'DRAIN_AGENT', drain_agent: { agent_id: { value: busy.id } } })).status).toBe(200)
    expect(busy.drain?.state).toBe('DRAINING')
    await expectPlain(await f.v1({ type: 'REACTIVATE_AGENT', reactivate_agent: { agent_id: { value: busy.id } } }), 400, 'Agent is still in the DRAINING state')
    f.cluster.clock.advance(1000)
    expect(busy.drain?.state).toBe('DRAINED')

    const other = master.agents.get(f.tasks[1]!.agentId)!
    await expectPlain(await f.v1({ type: 'MARK_AGENT_GONE', mark_agent_gone: { agent_id: { value: 'nope' } } }), 404, "Agent 'nope' not found")
    expect((await f.v1({ type: 'MARK_AGENT_GONE', mark_agent_gone: { agent_id: { value: other.id } } })).status).toBe(200)
    expect(master.getTask(f.tasks[1]!.id)!.state).toBe('TASK_GONE_BY_OPERATOR')

    await expectPlain(await f.v1({ type: 'TEARDOWN', teardown: { framework_id: { value: 'nope' } } }), 400, 'No framework found with specified ID')
    expect((await f.v1({ type: 'TEARDOWN', teardown: { framework_id: { value: f.framework.id } } })).status).toBe(200)
    expect(master.completedFrameworks.has(f.framework.id)).toBe(true)
  })

  it('lists and reads the master log through LIST_FILES/READ_FILE and /files/*', async () => {
    const list = await call('LIST_FILES', { list_files: { path: '/master/log' } })
    expect(list.file_infos).toHaveLength(1)
    const size = list.file_infos[0].size
    const read = await call('READ_FILE', { read_file: { path: '/master/log', offset: 0, length: 20 } })
    expect(read.size).toBe(size)
    expect(Buffer.from(read.data, 'base64').toString()).toBe('Log file created at:')
    expect((await f.mesos('/files/read?path=/master/log&offset=-1').then((r) => r.json())).offset).toBe(size)
    await expectPlain(await f.v1({ type: 'LIST_FILES', list_files: { path: '/var/lib/mesos' } }), 404, "Failed to find '/var/lib/mesos'")
  })

  it('manages the maintenance schedule', async () => {
    const machine = { hostname: 'h1', ip: '10.0.9.9' }
    const schedule = { windows: [{ machine_ids: [machine], unavailability: { start: { nanoseconds: 1 } } }] }
    expect((await f.v1({ type: 'UPDATE_MAINTENANCE_SCHEDULE', update_maintenance_schedule: { schedule } })).status).toBe(200)
    expect((await call('GET_MAINTENANCE_SCHEDULE')).schedule).toEqual(schedule)
    expect((await call('GET_MAINTENANCE_STATUS')).status).toEqual({ draining_machines: [{ id: machine }] })
    await expectPlain(await f.v1({ type: 'STOP_MAINTENANCE', stop_maintenance: { machines: [machine] } }), 400, `Machine '${JSON.stringify(machine)}' is not in DOWN mode and cannot be brought up`)
    expect((await f.v1({ type: 'START_MAINTENANCE', start_maintenance: { machines: [machine] } })).status).toBe(200)
    expect((await call('GET_MAINTENANCE_STATUS')).status).toEqual({ down_machines: [machine] })
    expect((await f.v1({ type: 'STOP_MAINTENANCE', stop_maintenance: { machines: [machine] } })).status).toBe(200)
    expect((await call('GET_MAINTENANCE_SCHEDULE')).schedule).toEqual({})
  })
})
