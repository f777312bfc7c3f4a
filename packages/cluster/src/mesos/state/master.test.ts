import { describe, expect, it } from 'vitest'
import { SimClock } from '../../sim/clock.ts'
import { SeededRandom } from '../../sim/random.ts'
import { MesosMaster } from './master.ts'
import { seedAgents } from './topology.ts'
import type { MasterEvent } from './types.ts'

function setup(agents = 4) {
  const clock = new SimClock({ mode: 'manual', start: Date.UTC(2026, 0, 1) })
  const master = new MesosMaster(clock, new SeededRandom(7))
  seedAgents(master, new SeededRandom(7), agents)
  const fw = master.registerFramework({ name: 'marathon', roles: ['slave_public', '*'] })
  const events: MasterEvent[] = []
  master.on((e) => events.push(e))
  return { clock, master, fw, events }
}

describe('MesosMaster', () => {
  it('is reproducible from a seed', () => {
    const a = setup().master
    const b = setup().master
    expect([...a.agents.values()].map((x) => [x.id, x.hostname, x.total.cpus])).toEqual([...b.agents.values()].map((x) => [x.id, x.hostname, x.total.cpus]))
  })

  it('launches a task through STAGING, STARTING, RUNNING and accounts its resources', () => {
    const { clock, master, fw, events } = setup()
    const agent = [...master.agents.values()].find((a) => !a.public)!
    const res = master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 't1', name: 'web', resources: { cpus: 1, mem: 128, disk: 0, gpus: 0 }, portCount: 2 })
    expect(res.ok).toBe(true)
    expect(agent.used.cpus).toBe(1)
    expect(agent.used.ports).toEqual([{ begin: 1025, end: 1026 }])
    clock.advance(2000)
    const task = master.getTask('t1')!
    expect(task.statuses.map((s) => s.state)).toEqual(['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'])
    expect(events.filter((e) => e.type === 'TASK_UPDATED').length).toBe(3)
    master.killTask('t1')
    clock.advance(1000)
    expect(master.getTask('t1')!.state).toBe('TASK_KILLED')
    expect(agent.used.cpus).toBe(0)
    expect(master.tasks.has('t1')).toBe(false)
  })

  it('refuses a task that does not fit and changes nothing', () => {
    const { master, fw } = setup()
    const agent = [...master.agents.values()][1]!
    const res = master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 'big', name: 'big', resources: { cpus: 999, mem: 1, disk: 0, gpus: 0 } })
    expect(res).toEqual({ ok: false, reason: 'Insufficient cpus' })
    expect(agent.used.cpus).toBe(0)
    expect(master.tasks.size).toBe(0)
  })

  it('marks tasks unreachable on partition, running again on reconnect, gone on removal', () => {
    const { clock, master, fw, events } = setup()
    const agent = [...master.agents.values()][1]!
    master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 't', name: 't', resources: { cpus: 0.5, mem: 32, disk: 0, gpus: 0 } })
    clock.advance(3000)
    master.partitionAgent(agent.id)
    expect(master.getTask('t')!.state).toBe('TASK_UNREACHABLE')
    master.reconnectAgent(agent.id)
    expect(master.getTask('t')!.state).toBe('TASK_RUNNING')
    master.removeAgent(agent.id)
    expect(master.getTask('t')!.state).toBe('TASK_GONE')
    expect(events.some((e) => e.type === 'AGENT_REMOVED' && e.agent.id === agent.id)).toBe(true)
    expect(master.agents.has(agent.id)).toBe(false)
  })

  it('drains an agent: kills its tasks, then reports DRAINED', () => {
    const { clock, master, fw } = setup()
    const agent = [...master.agents.values()][1]!
    master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 't', name: 't', resources: { cpus: 0.5, mem: 32, disk: 0, gpus: 0 } })
    clock.advance(3000)
    master.drainAgent(agent.id)
    expect(agent.drain?.state).toBe('DRAINING')
    expect(master.isOfferable(agent)).toBe(false)
    clock.advance(1000)
    expect(master.getTask('t')!.state).toBe('TASK_KILLED')
    expect(agent.drain?.state).toBe('DRAINED')
  })

  it('launches onto a reservation and keeps the reserved resources out of the unreserved pool', () => {
    const { master, fw } = setup()
    const agent = [...master.agents.values()][1]!
    const before = master.unreservedAvailable(agent).cpus
    const r = master.reserve({ agentId: agent.id, role: 'kafka-role', principal: 'kafka', resources: { cpus: 1, mem: 512, disk: 1000, gpus: 0 }, volume: { persistenceId: 'p1', containerPath: 'data', mode: 'RW' } })!
    expect(master.unreservedAvailable(agent).cpus).toBe(before - 1)
    const ok = master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: 'k', name: 'k', reservationId: r.id, resources: { cpus: 1, mem: 512, disk: 1000, gpus: 0 } })
    expect(ok.ok).toBe(true)
    expect(master.reservationAvailable(r).cpus).toBe(0)
    expect(master.unreservedAvailable(agent).cpus).toBe(before - 1)
  })
})
