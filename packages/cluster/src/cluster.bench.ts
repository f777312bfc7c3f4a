/**
 * The embedded cluster at MERIDIAN_DEMO_AGENTS=10000: startup (seeding agents, Marathon,
 * Metronome, the SDK manager, Cosmos) and a simulated minute of demo activity (Marathon offer
 * rounds every second, deployments, health checks, Metronome schedules, SDK plans) on a manual
 * clock, so the numbers measure CPU work, not wall time. docs/performance.md has the numbers.
 */
import { afterAll, bench, describe } from 'vitest'
import { createCluster, type EmbeddedCluster } from './cluster.ts'

const AGENTS = 10_000
const opts = { iterations: 2, warmupIterations: 0, time: 0, warmupTime: 0 }

describe(`embedded cluster with ${AGENTS} agents`, () => {
  bench('createCluster({ agents: 10000 })', () => {
    createCluster({ agents: AGENTS, clock: 'manual' }).close()
  }, opts)

  let running: EmbeddedCluster | undefined
  afterAll(() => running?.close())
  bench('one simulated minute of demo activity', () => {
    running ??= createCluster({ agents: AGENTS, clock: 'manual' })
    running.clock.advance(60_000)
  }, { ...opts, iterations: 3 })
})
