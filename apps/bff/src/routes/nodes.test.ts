import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { AGENT_PRIVATE, getTasks, maintenanceStatus, stateSummary } from '../testing/fixtures/mesos.ts'
import { loginAs } from '../testing/login.ts'
import { recordedUpstream } from '../testing/recorded-upstream.ts'

function setup() {
  const up = recordedUpstream({
    'GET /mesos/master/state-summary': stateSummary,
    'GET /mesos/master/maintenance/status': maintenanceStatus,
    'POST /mesos/api/v1#GET_TASKS': { type: 'GET_TASKS', get_tasks: getTasks },
    'POST /mesos/api/v1#DRAIN_AGENT': () => new Response(null, { status: 200 }),
    'POST /mesos/api/v1#DEACTIVATE_AGENT': () => new Response(null, { status: 200 }),
    'POST /mesos/api/v1#REACTIVATE_AGENT': () => new Response('Agent is not deactivated', { status: 400 }),
  })
  const app = createApp({ clusterUrl: 'http://cluster.test', clusterToken: 'static-token', fetch: up.fetch })
  return { app, up, fetcher: app.request.bind(app) }
}

describe('/api/nodes', () => {
  it('lists nodes for a viewer, filtered by query, forwarding the DC/OS token', async () => {
    const { fetcher, up } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    const res = await viewer.request('/api/nodes?type=private')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.total).toBe(3)
    expect(body.nodes.map((n: { hostname: string }) => n.hostname)).toEqual(['10.0.1.4', '10.0.1.5'])
    expect(up.calls[0]!.headers.get('authorization')).toBe('token=static-token')
  })

  it('rejects a bad query with 400', async () => {
    const { fetcher, up } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    const res = await viewer.request('/api/nodes?health=sleepy')
    expect(res.status).toBe(400)
    expect((await res.json()).error.details[0].path).toBe('/health')
    expect(up.calls).toHaveLength(0)
  })

  it('shows node detail with tasks, 404 for unknown agents, 400 for ids that are not agent ids', async () => {
    const { fetcher, up } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    const res = await viewer.request(`/api/nodes/${AGENT_PRIVATE}`)
    expect(res.status).toBe(200)
    expect((await res.json()).tasks).toHaveLength(3)
    const missing = await viewer.request('/api/nodes/abc-S99')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.kind).toBe('NotFound')
    const before = up.calls.length
    const traversal = await viewer.request(`/api/nodes/${encodeURIComponent('../../x')}`)
    expect(traversal.status).toBe(400)
    expect(up.calls.length).toBe(before)
  })

  it('drains through the v1 operator API for admins only', async () => {
    const { fetcher, up } = setup()
    for (const uid of ['viewer', 'operator']) {
      const u = await loginAs(fetcher, uid)
      const denied = await u.request(`/api/nodes/${AGENT_PRIVATE}/drain`, { method: 'POST', json: {} })
      expect(denied.status).toBe(403)
      expect((await denied.json()).error.kind).toBe('Forbidden')
    }
    expect(up.calls).toHaveLength(0)
    const admin = await loginAs(fetcher, 'admin')
    const res = await admin.request(`/api/nodes/${AGENT_PRIVATE}/drain`, { method: 'POST', json: { maxGracePeriodSeconds: 60, markGone: false } })
    expect(res.status).toBe(200)
    const call = up.calls.at(-1)!
    expect(call.url.pathname).toBe('/mesos/api/v1')
    expect(JSON.parse(call.body!)).toEqual({ type: 'DRAIN_AGENT', drain_agent: { agent_id: { value: AGENT_PRIVATE }, max_grace_period: { nanoseconds: 60e9 }, mark_gone: false } })
    const bad = await admin.request(`/api/nodes/${AGENT_PRIVATE}/drain`, { method: 'POST', json: { maxGracePeriodSeconds: -1 } })
    expect(bad.status).toBe(400)
  })

  it('deactivates, and surfaces a Mesos plain-text 400 as UpstreamRejected', async () => {
    const { fetcher } = setup()
    const admin = await loginAs(fetcher, 'admin')
    expect((await admin.request(`/api/nodes/${AGENT_PRIVATE}/deactivate`, { method: 'POST' })).status).toBe(200)
    const res = await admin.request(`/api/nodes/${AGENT_PRIVATE}/reactivate`, { method: 'POST' })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({ error: { kind: 'UpstreamRejected', message: 'Agent is not deactivated', upstream: { name: 'mesos', status: 400, message: 'Agent is not deactivated' } } })
  })

  it('maps an unreachable Mesos to 503 UpstreamUnavailable', async () => {
    const app = createApp({ clusterUrl: 'http://127.0.0.1:9', fetch: (async () => { throw new TypeError('fetch failed') }) as typeof fetch })
    const viewer = await loginAs(app.request.bind(app), 'viewer')
    const res = await viewer.request('/api/nodes')
    expect(res.status).toBe(503)
    expect((await res.json()).error).toMatchObject({ kind: 'UpstreamUnavailable', upstream: { name: 'mesos' } })
  })
})

describe('/api/dashboard', () => {
  it('reports allocation, history, tasks and nodes; Marathon missing is degraded', async () => {
    const { fetcher } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    const res = await viewer.request('/api/dashboard')
    expect(res.status).toBe(200)
    const d = await res.json()
    expect(d.allocated.cpus).toBe(1.1)
    expect(d.history).toHaveLength(1)
    expect(d.nodes).toEqual({ total: 3, healthy: 2, unhealthy: 0, maintenance: 1 }) // the draining agent is in maintenance
    expect(d.degraded).toContain('marathon')
  })
})
