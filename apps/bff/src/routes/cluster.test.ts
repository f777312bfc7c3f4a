/** `GET /api/cluster` over HTTP against a served embedded cluster. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
beforeAll(async () => {
  t = await serveBffOnCluster({ agents: 3 })
})
afterAll(() => t.close())

describe('GET /api/cluster', () => {
  it('reports the Mesos cluster name (as state-summary shows it), version and leader', async () => {
    const before = t.calls.length
    const res = await t.viewer.request('/api/cluster')
    expect(res.status).toBe(200)
    const info = await res.json()
    // The same name the master's state-summary carries, read over the wire here for comparison.
    const summary = (await (await fetch(`${t.served.baseUrl}/mesos/master/state-summary`)).json()) as { cluster: string; hostname: string }
    const version = (await (await fetch(`${t.served.baseUrl}/mesos/version`)).json()) as { version: string }
    expect(info).toMatchObject({ name: summary.cluster, named: true, mode: 'demo', mesos: { version: version.version, leader: { hostname: summary.hostname } } })
    expect(info.mesos.leader.pid).toMatch(/^master@/)
    expect(Date.parse(info.mesos.leader.electedAt)).not.toBeNaN()
    // Two small operator calls, never the agent-sized state-summary.
    expect(t.calls.slice(before)).toEqual(['POST /mesos/api/v1', 'POST /mesos/api/v1'])
  })

  it('reports cluster mode when the BFF logs in through IAM', async () => {
    // Cluster mode logs in through the cluster's IAM (the embedded one knows the demo users).
    const c = await serveBffOnCluster({ agents: 1, app: { mode: 'cluster' } })
    try {
      expect(await (await c.viewer.request('/api/cluster')).json()).toMatchObject({ mode: 'cluster', named: true })
    } finally {
      await c.close()
    }
  })

  it('needs a session', async () => {
    expect((await t.app.request('/api/cluster')).status).toBe(401)
  })
})
