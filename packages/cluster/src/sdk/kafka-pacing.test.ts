/**
 * Pacing (pacing.ts): at the default demo speed (1 virtual ms per wall ms) a default 3-broker
 * Kafka install must take long enough for a browser to watch the deploy plan progress, and not
 * so long that the demo drags: 30–90 s from `package/install` to deploy COMPLETE.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { clusterOptionsFromEnv } from '../cluster.ts'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { clusterClient } from './sdk-http-test-client.ts'

let served: ServedCluster | undefined
const http = clusterClient(() => served!)

afterEach(async () => {
  await served?.close()
  served = undefined
})

describe('Kafka deploy pacing', () => {
  it('takes 30–90 s of demo time at MERIDIAN_DEMO_SPEED=1, each broker visibly STARTING then STARTED', async () => {
    const opts = clusterOptionsFromEnv({ MERIDIAN_DEMO_SPEED: '1' })
    expect(opts.speed).toBe(1)
    served = await serveCluster({ ...opts, agents: 6, empty: true })
    expect((await http.install('kafka')).status).toBe(200)
    const seen = new Map<string, Set<string>>()
    const completedAt = new Map<string, number>()
    const start = served.cluster.clock.now()
    const elapsed = await http.advanceUntil(async () => {
      const plan = await http.plan('kafka', 'deploy')
      if (plan.status === 404) return false
      for (const s of plan.body.phases[0]!.steps) {
        seen.set(s.name, (seen.get(s.name) ?? new Set()).add(s.status))
        if (s.status === 'COMPLETE' && !completedAt.has(s.name)) completedAt.set(s.name, served!.cluster.clock.now() - start)
      }
      return plan.status === 200
    }, 120_000)
    expect(elapsed).toBeGreaterThanOrEqual(30_000)
    expect(elapsed).toBeLessThanOrEqual(90_000)
    for (const name of ['kafka-0:[broker]', 'kafka-1:[broker]', 'kafka-2:[broker]']) {
      expect([...seen.get(name)!]).toEqual(expect.arrayContaining(['PENDING', 'STARTING', 'STARTED', 'COMPLETE']))
    }
    // Serial: one broker every ~15 s.
    const t = ['kafka-0:[broker]', 'kafka-1:[broker]', 'kafka-2:[broker]'].map((n) => completedAt.get(n)!)
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(10_000)
    expect(t[2]! - t[1]!).toBeGreaterThanOrEqual(10_000)
  })

  it('runs on the realtime clock: at 30x the same deploy finishes in a few wall seconds', async () => {
    served = await serveCluster({ clock: 'realtime', speed: 30, agents: 6, empty: true })
    const t0 = Date.now()
    expect((await http.install('kafka')).status).toBe(200)
    let done = false
    while (!done && Date.now() - t0 < 15_000) {
      await new Promise((r) => setTimeout(r, 100))
      done = (await http.plan('kafka', 'deploy')).status === 200
    }
    const wall = Date.now() - t0
    expect(done).toBe(true)
    // 30–90 virtual s at 30x is 1–3 wall s; allow slack for a loaded machine.
    expect(wall).toBeGreaterThanOrEqual(900)
    expect(wall).toBeLessThan(15_000)
  })
})
