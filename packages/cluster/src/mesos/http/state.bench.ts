/**
 * `/master/state` rendering at DC/OS scale: 10,000 agents, ~100,000 tasks (10 per agent,
 * launched through master.launchTask), plus state-summary and v1 GET_STATE for comparison.
 * Each bench renders and encodes the whole body to UTF-8 chunks, as the route streams it;
 * the warm-up iteration fills the per-task render cache (render-cache.ts), so the timed
 * iterations measure a steady-state request. docs/performance.md has the numbers.
 */
import { bench, describe } from 'vitest'
import { SimClock } from '../../sim/clock.ts'
import { SeededRandom } from '../../sim/random.ts'
import { MesosMaster } from '../state/master.ts'
import { seedAgents } from '../state/topology.ts'
import { jsonChunks } from './raw-json.ts'
import { stateSummaryV0, stateV0 } from './render-v0.ts'
import { getState } from './render-v1.ts'

function bigCluster() {
  const clock = new SimClock({ mode: 'manual', start: Date.UTC(2026, 0, 1) })
  const random = new SeededRandom(7)
  const master = new MesosMaster(clock, random)
  seedAgents(master, random, 10_000)
  const fw = master.registerFramework({ name: 'marathon', roles: ['slave_public', '*'] })
  let n = 0
  for (const agent of master.agents.values()) {
    for (let i = 0; i < 10; i++) {
      master.launchTask({ frameworkId: fw.id, agentId: agent.id, id: `app-${n++}.instance-x._app.1`, name: 'app', resources: { cpus: 0.1, mem: 64, disk: 0, gpus: 0 }, portCount: 1, behavior: { startupMs: 3000 } })
    }
  }
  clock.advance(3000)
  return master
}

const master = bigCluster()

/** Bytes of the encoded body (what the route streams). */
function encodedBytes(value: unknown): number {
  let n = 0
  for (const chunk of jsonChunks(value)) n += chunk.byteLength
  return n
}

describe(`/master/state with ${master.agents.size} agents and ${master.tasks.size} tasks`, () => {
  const opts = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 }
  bench('v0 /master/state render + encode', () => {
    encodedBytes(stateV0(master))
  }, opts)
  bench('v0 /master/state-summary render + encode', () => {
    encodedBytes(stateSummaryV0(master))
  }, opts)
  bench('v1 GET_STATE render + encode', () => {
    encodedBytes(getState(master))
  }, opts)
})
