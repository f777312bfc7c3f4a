/**
 * Route tests over HTTP against a separately served embedded cluster (the remote path: the BFF
 * only knows the cluster's URL and forwards its DCOS_ACS_TOKEN).
 */
import { serveCluster, type ServedCluster } from '../../../../packages/cluster/src/testing/serve-cluster.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { loginAs, type LoggedIn } from '../testing/login.ts'

let served: ServedCluster
let admin: LoggedIn
let viewer: LoggedIn
const seenAuth: string[] = []

beforeAll(async () => {
  served = await serveCluster({ agents: 5 })
  const recordingFetch = ((input: string | URL | Request, init?: RequestInit) => {
    seenAuth.push(new Headers(init?.headers).get('authorization') ?? '')
    return fetch(input, init)
  }) as typeof fetch
  const app = createApp({ clusterUrl: served.baseUrl, clusterToken: 'acs-token', fetch: recordingFetch })
  admin = await loginAs(app.request.bind(app), 'admin')
  viewer = await loginAs(app.request.bind(app), 'viewer')
})
afterAll(() => served.close())

describe('BFF against an embedded cluster served by URL', () => {
  it('lists the cluster agents and forwards the static token', async () => {
    const res = await viewer.request('/api/nodes')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.total).toBe(5)
    expect(body.nodes.filter((n: { public: boolean }) => n.public)).toHaveLength(1)
    expect(seenAuth.at(-1)).toBe('token=acs-token')
  })

  it('drains an agent through DRAIN_AGENT and the node list shows it draining', async () => {
    const list = await (await viewer.request('/api/nodes?type=private')).json()
    const id = list.nodes[0].id as string
    expect((await viewer.request(`/api/nodes/${id}/drain`, { method: 'POST', json: {} })).status).toBe(403)
    const res = await admin.request(`/api/nodes/${id}/drain`, { method: 'POST', json: {} })
    expect(res.status).toBe(200)
    const detail = await (await viewer.request(`/api/nodes/${id}`)).json()
    expect(detail.health).toBe('draining')
  })

  it('builds the dashboard and the services tree from Mesos and Marathon', async () => {
    const d = await (await viewer.request('/api/dashboard')).json()
    expect(d.total.cpus).toBeGreaterThan(0)
    expect(d.nodes.total).toBe(5)
    expect(d.degraded).not.toContain('marathon')
    const s = await viewer.request('/api/services')
    expect(s.status).toBe(200)
    expect((await s.json()).root.id).toBe('/')
  })
})
