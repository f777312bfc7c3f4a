import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mesosFixture, type MesosFixture } from './test-fixtures.ts'

let f: MesosFixture
beforeEach(async () => {
  f = await mesosFixture()
})
afterEach(() => f.close())

describe('v0 master state endpoints', () => {
  it('redirects bare /mesos to /mesos/', async () => {
    const res = await fetch(`${f.baseUrl}/mesos`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/mesos/')
  })

  it('serves /master/state with agents, frameworks and tasks in v0 shape', async () => {
    const res = await f.mesos('/master/state')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const s = await res.json()
    expect(s.version).toBe('1.11.0')
    expect(s.id).toBe(f.cluster.master.id)
    expect(s.pid).toBe('master@10.0.0.1:5050')
    expect(typeof s.start_time).toBe('number')
    expect(s.slaves).toHaveLength(4)
    const pub = s.slaves.find((a: { attributes: Record<string, unknown> }) => a.attributes.public_ip === 'true')
    expect(pub.reserved_resources.slave_public.cpus).toBe(4)
    expect(pub.unreserved_resources).toEqual({ cpus: 0, gpus: 0, mem: 0, disk: 0 })
    const fw = s.frameworks.find((x: { id: string }) => x.id === f.framework.id)
    expect(fw.name).toBe('marathon')
    expect(fw.roles).toEqual(['slave_public', '*'])
    expect(fw.tasks).toHaveLength(3)
    expect(fw.used_resources.cpus).toBe(1.5)
    const task = fw.tasks[0]
    expect(task).toMatchObject({ id: f.tasks[0]!.id, framework_id: fw.id, executor_id: '', state: 'TASK_RUNNING', role: '*' })
    expect(task.resources.ports).toMatch(/^\[\d+-\d+\]$/)
    expect(task.statuses.map((x: { state: string }) => x.state)).toEqual(['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'])
    expect(task.statuses[0].timestamp).toBeCloseTo(f.tasks[0]!.statuses[0]!.timestamp, 3)
    expect(task.statuses[2].container_status.container_id.value).toMatch(/^[0-9a-f-]{36}$/)
    expect(s.completed_frameworks).toEqual([])
    expect(s.orphan_tasks).toEqual([])
  })

  it('answers the un-prefixed and legacy .json aliases with the same document', async () => {
    const a = await (await f.mesos('/master/state')).json()
    for (const path of ['/state', '/master/state.json', '/state.json']) {
      const res = await f.mesos(path)
      expect(res.status).toBe(200)
      expect((await res.json()).id).toBe(a.id)
    }
  })

  it('serves state-summary with per-agent and per-framework counters', async () => {
    const s = await (await f.mesos('/master/state-summary')).json()
    expect(s.hostname).toBe('master.mesos')
    const withTasks = s.slaves.filter((a: { TASK_RUNNING: number }) => a.TASK_RUNNING > 0)
    expect(withTasks.reduce((n: number, a: { TASK_RUNNING: number }) => n + a.TASK_RUNNING, 0)).toBe(3)
    expect(withTasks[0].framework_ids).toEqual([f.framework.id])
    const fw = s.frameworks.find((x: { id: string }) => x.id === f.framework.id)
    expect(fw).toMatchObject({ id: f.framework.id, TASK_RUNNING: 3, TASK_FAILED: 0 })
    expect(fw.slave_ids.length).toBeGreaterThan(0)
    expect(fw).not.toHaveProperty('tasks')
  })

  it('filters /master/slaves by slave_id and adds *_full resources', async () => {
    const agent = [...f.cluster.master.agents.values()][1]!
    const s = await (await f.mesos(`/master/slaves?slave_id=${agent.id}`)).json()
    expect(s.slaves).toHaveLength(1)
    expect(s.recovered_slaves).toEqual([])
    const full = s.slaves[0].unreserved_resources_full
    expect(full.find((r: { name: string }) => r.name === 'cpus')).toEqual({ name: 'cpus', type: 'SCALAR', scalar: { value: agent.total.cpus }, role: '*' })
    expect(full.find((r: { name: string }) => r.name === 'ports').ranges.range[0]).toEqual({ begin: 1025, end: 2180 })
    expect((await (await f.mesos('/master/slaves?slave_id=nope')).json()).slaves).toEqual([])
  })

  it('shows dynamic reservations and persistent volumes in reserved_resources(_full)', async () => {
    const agent = [...f.cluster.master.agents.values()][1]!
    f.cluster.master.reserve({ agentId: agent.id, role: 'kafka-role', principal: 'kafka', labels: [{ key: 'resource_id', value: 'r1' }], resources: { cpus: 1, mem: 512, disk: 1000, gpus: 0 }, volume: { persistenceId: 'p1', containerPath: 'data', mode: 'RW' } })
    const s = await (await f.mesos(`/master/slaves?slave_id=${agent.id}`)).json()
    expect(s.slaves[0].reserved_resources['kafka-role']).toEqual({ cpus: 1, gpus: 0, mem: 512, disk: 1000 })
    const disk = s.slaves[0].reserved_resources_full['kafka-role'].find((r: { name: string }) => r.name === 'disk')
    expect(disk).toEqual({
      name: 'disk',
      type: 'SCALAR',
      scalar: { value: 1000 },
      role: 'kafka-role',
      disk: { persistence: { id: 'p1', principal: 'kafka' }, volume: { container_path: 'data', mode: 'RW' } },
      reservation: { principal: 'kafka', labels: { labels: [{ key: 'resource_id', value: 'r1' }] } },
      reservations: [{ type: 'DYNAMIC', role: 'kafka-role', principal: 'kafka', labels: { labels: [{ key: 'resource_id', value: 'r1' }] } }],
    })
  })

  it('filters /master/frameworks by framework_id', async () => {
    const all = await (await f.mesos('/master/frameworks')).json()
    expect(all.frameworks.map((x: { id: string }) => x.id)).toContain(f.framework.id)
    expect(all.unregistered_frameworks).toEqual([])
    const one = await (await f.mesos(`/master/frameworks?framework_id=${f.framework.id}`)).json()
    expect(one.frameworks.map((x: { id: string }) => x.id)).toEqual([f.framework.id])
    expect((await (await f.mesos('/master/frameworks?framework_id=other')).json()).frameworks).toEqual([])
  })

  it('serves /metrics/snapshot, /version and /health', async () => {
    const m = await (await f.mesos('/metrics/snapshot')).json()
    expect(m['master/tasks_running']).toBe(3)
    expect(m['master/cpus_used']).toBe(1.5)
    expect(m['master/cpus_percent']).toBeGreaterThan(0)
    expect(m['master/cpus_percent']).toBeLessThan(1)
    expect(m['master/slaves_active']).toBe(4)
    expect(m['master/elected']).toBe(1)
    expect((await (await f.mesos('/version')).json()).version).toBe('1.11.0')
    const h = await f.mesos('/health')
    expect(h.status).toBe(200)
    expect(await h.text()).toBe('')
  })
})
