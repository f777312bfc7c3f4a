import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mesosFixture, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture({ tasks: 2 })
})
afterEach(() => f.close())

const post = (path: string, body: unknown) => f.mesos(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
const window = (machines: unknown[]) => ({ machine_ids: machines, unavailability: { start: { nanoseconds: 1_800_000_000_000_000_000 }, duration: { nanoseconds: 3_600_000_000_000 } } })

describe('maintenance (v0)', () => {
  it('starts empty, accepts a schedule, drains its machines, then takes them down and up', async () => {
    expect(await (await f.mesos('/master/maintenance/schedule')).json()).toEqual({})
    const agent = f.cluster.master.agents.get(f.tasks[0]!.agentId)!
    const machine = { hostname: agent.hostname, ip: agent.ip }
    const schedule = { windows: [window([machine])] }
    const set = await post('/master/maintenance/schedule', schedule)
    expect(set.status).toBe(200)
    expect(await (await f.mesos('/master/maintenance/schedule')).json()).toEqual(schedule)
    const status = await (await f.mesos('/master/maintenance/status')).json()
    expect(status.draining_machines[0].id).toEqual(machine)
    expect(status.draining_machines[0].statuses[0]).toMatchObject({ framework_id: { value: f.framework.id }, status: 'UNKNOWN' })

    expect((await post('/master/machine/down', [machine])).status).toBe(200)
    expect(f.cluster.master.agents.has(agent.id)).toBe(false)
    expect(f.cluster.master.getTask(f.tasks[0]!.id)!.state).toBe('TASK_GONE')
    expect(await (await f.mesos('/maintenance/status')).json()).toEqual({ down_machines: [machine] })

    // A DOWN machine cannot leave the schedule.
    const drop = await post('/master/maintenance/schedule', {})
    expect(drop.status).toBe(400)
    expect(await drop.text()).toBe(`Machine '${JSON.stringify(machine)}' is deactivated and cannot be removed from the schedule`)

    expect((await post('/master/machine/up', [machine])).status).toBe(200)
    expect(await (await f.mesos('/master/maintenance/schedule')).json()).toEqual({})
    expect(await (await f.mesos('/master/maintenance/status')).json()).toEqual({})
  })

  it('rejects invalid schedules with Mesos messages and changes nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ windows: [window([])] }, 'List of machines in the maintenance window is empty'],
      [{ windows: [window([{}])] }, 'MachineID must include a hostname or an IP'],
      [{ windows: [window([{ hostname: 'a' }, { hostname: 'A' }])] }, `Machine '{"hostname":"A"}' appears more than once in the schedule`],
      [{ windows: [window([{ ip: '10.0.0.999' }])] }, "Failed to parse IP address '10.0.0.999'"],
      [{ windows: [{ machine_ids: [{ hostname: 'a' }] }] }, 'Missing required fields: windows[0].unavailability'],
    ]
    for (const [body, message] of cases) {
      const res = await post('/master/maintenance/schedule', body)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toContain('text/plain')
      expect(await res.text()).toBe(message)
    }
    const bad = await post('/master/maintenance/schedule', '{not json')
    expect(bad.status).toBe(400)
    expect(await (await f.mesos('/master/maintenance/schedule')).json()).toEqual({})
  })

  it('validates machine/down and machine/up', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/master/machine/down', [], 'List of machines is empty'],
      ['/master/machine/down', [{ hostname: 'x', ip: '10.0.0.9' }], `Machine '{"hostname":"x","ip":"10.0.0.9"}' is not part of a maintenance schedule`],
      ['/master/machine/down', [{ hostname: 'x' }, { hostname: 'x' }], `Machine '{"hostname":"x"}' appears more than once in the list`],
      ['/master/machine/up', [{ hostname: 'x' }], `Machine '{"hostname":"x"}' is not part of a maintenance schedule`],
    ]
    for (const [path, body, message] of cases) {
      const res = await post(path, body)
      expect(res.status).toBe(400)
      expect(await res.text()).toBe(message)
    }
    await post('/master/maintenance/schedule', { windows: [window([{ hostname: 'x' }])] })
    const up = await post('/master/machine/up', [{ hostname: 'x' }])
    expect(up.status).toBe(400)
    expect(await up.text()).toBe(`Machine '{"hostname":"x"}' is not in DOWN mode and cannot be brought up`)
    expect(f.cluster.master.agents.size).toBe(4)
  })

  it('answers a wrong method with 405 and Allow', async () => {
    const down = await f.mesos('/master/machine/down')
    expect(down.status).toBe(405)
    expect(down.headers.get('allow')).toBe('POST')
    expect(await down.text()).toBe("Expecting one of { 'POST' }, but received 'GET'")
    const sched = await f.mesos('/master/maintenance/schedule', { method: 'PUT', body: '{}' })
    expect(sched.status).toBe(405)
    expect(sched.headers.get('allow')).toBe('GET, POST')
    const status = await f.mesos('/master/maintenance/status', { method: 'POST' })
    expect(status.status).toBe(405)
    expect(status.headers.get('allow')).toBe('GET')
  })
})
