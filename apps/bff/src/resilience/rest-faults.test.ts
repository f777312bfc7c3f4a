/**
 * REST views in front of a sick upstream (through the fault-injecting proxy): a stalled,
 * refusing or garbage-speaking upstream gives a clear error envelope (503 UpstreamUnavailable,
 * naming the upstream) within the adapter's timeout budget: never a 500, never a hang; the BFF
 * itself keeps answering, and the view answers again once the fault is lifted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RequestFault } from '../testing/faulty-upstream.ts'
import { serveFaultyBff, type FaultyBff } from '../testing/faulty-bff.ts'

/** Per attempt; a GET makes 3 attempts with 100 + 200 ms pauses (upstreams/http.ts). */
const TIMEOUT_MS = 300
const BUDGET_MS = 3 * TIMEOUT_MS + 300 + 1500

let t: FaultyBff
beforeAll(async () => {
  t = await serveFaultyBff({ app: { upstreamTimeoutMs: TIMEOUT_MS } })
})
afterAll(async () => {
  await t.close()
})
beforeEach(() => t.proxy.heal())

const views = [
  { view: '/api/services', upstream: 'marathon', prefix: '/service/marathon/' },
  { view: '/api/jobs', upstream: 'metronome', prefix: '/service/metronome/' },
  { view: '/api/catalog/repositories', upstream: 'cosmos', prefix: '/package/' },
  // No browser is subscribed, so no Mesos stream runs: the view reads the master.
  { view: '/api/nodes', upstream: 'mesos', prefix: '/mesos/' },
] as const

const faults: Array<[string, RequestFault]> = [
  ['stalls (accepts, never answers)', { kind: 'stall' }],
  ['refuses the connection', { kind: 'refuse' }],
  ['answers 200 with a body that is not JSON', { kind: 'garbage', body: '<html><body>502 Bad Gateway</body></html>', contentType: 'application/json' }],
  ['answers 200 and then never finishes the body', { kind: 'garbage', body: '{"apps": [', keepOpen: true }],
]

async function timed(path: string) {
  const started = Date.now()
  const res = await t.viewer.request(path)
  const body = await res.json()
  return { status: res.status, body, ms: Date.now() - started }
}

describe('REST views with a faulty upstream', () => {
  for (const { view, upstream, prefix } of views) {
    for (const [what, fault] of faults) {
      it(`${view} when ${upstream} ${what}: 503 envelope within the timeout budget`, async () => {
        t.proxy.fail(prefix, { fault })
        const r = await timed(view)
        expect(r.ms).toBeLessThan(BUDGET_MS)
        expect(r.status, JSON.stringify(r.body)).toBe(503)
        expect(r.body.error.kind).toBe('UpstreamUnavailable')
        expect(r.body.error.upstream?.name).toBe(upstream)
        expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|stack/i)
        // The BFF itself is fine.
        expect((await t.viewer.request('/api/health')).status).toBe(200)
        t.proxy.heal()
        const again = await timed(view)
        expect(again.status, JSON.stringify(again.body)).toBe(200)
      })
    }
  }

  it('JSON of the wrong shape from Marathon is an error envelope, not a 500', async () => {
    t.proxy.fail('/service/marathon/v2/groups', { fault: { kind: 'garbage', body: '{"unexpected": [1, 2, 3]}' } })
    const r = await timed('/api/services')
    expect(r.ms).toBeLessThan(BUDGET_MS)
    expect([200, 502, 503]).toContain(r.status)
    if (r.status !== 200) expect(r.body.error.kind).toBe('UpstreamUnavailable')
  })
})
