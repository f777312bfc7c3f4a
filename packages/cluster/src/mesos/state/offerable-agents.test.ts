import { describe, expect, it } from 'vitest'
import { SimClock } from '../../sim/clock.ts'
import { SeededRandom } from '../../sim/random.ts'
import { MesosMaster } from './master.ts'
import { seedAgents } from './topology.ts'

function setup(agents = 6) {
  const clock = new SimClock({ mode: 'manual', start: Date.UTC(2026, 0, 1) })
  const master = new MesosMaster(clock, new SeededRandom(7))
  seedAgents(master, new SeededRandom(7), agents)
  return { clock, master }
}

/** What offerableAgents must always equal: a fresh scan with isOfferable. */
const scan = (master: MesosMaster) => [...master.agents.values()].filter((a) => master.isOfferable(a)).map((a) => a.id)
const ids = (master: MesosMaster) => master.offerableAgents().map((a) => a.id)

describe('MesosMaster.offerableAgents', () => {
  it('is memoized between changes and follows every agent and maintenance change', () => {
    const { clock, master } = setup()
    const [a, b, c, d, e] = [...master.agents.values()].map((x) => x.id) as [string, string, string, string, string]
    expect(master.offerableAgents()).toBe(master.offerableAgents())
    expect(ids(master)).toHaveLength(6)

    const steps: Array<() => unknown> = [
      () => master.partitionAgent(a),
      () => master.deactivateAgent(b),
      () => master.drainAgent(c),
      () => master.maintenance.down.add(master.agents.get(d)!.hostname),
      () => master.removeAgent(e),
      () => master.reconnectAgent(a),
      () => master.reactivateAgent(b),
      () => master.maintenance.down.clear(),
      () => master.restartAgent(d),
      () => clock.advance(1000),
    ]
    for (const step of steps) {
      step()
      expect(ids(master)).toEqual(scan(master))
    }
    expect(ids(master)).not.toContain(e)
    expect(ids(master)).toContain(a)
  })
})
