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
    // Two small operator calls and the two DC/OS metadata reads, never the agent-sized state-summary.
    expect(t.calls.slice(before).sort()).toEqual(['GET /dcos-metadata/dcos-version.json', 'GET /metadata', 'POST /mesos/api/v1', 'POST /mesos/api/v1'])
  })

  it('reports the DC/OS release and cluster id the cluster serves', async () => {
    const info = await (await t.viewer.request('/api/cluster')).json()
    const version = (await (await fetch(`${t.served.baseUrl}/dcos-metadata/dcos-version.json`)).json()) as { version: string; 'dcos-variant': string }
    const metadata = (await (await fetch(`${t.served.baseUrl}/metadata`)).json()) as { CLUSTER_ID: string; PUBLIC_IPV4: string }
    expect(info.dcos).toEqual({ version: version.version, variant: version['dcos-variant'], clusterId: metadata.CLUSTER_ID, publicIp: metadata.PUBLIC_IPV4 })
  })

  it('still answers, with dcos null, when the cluster serves no DC/OS metadata', async () => {
    // A Mesos + Marathon cluster without DC/OS's Admin Router files: both paths 404 (nginx HTML).
    const noMetadata = ((input: string | URL | Request, init?: RequestInit) => {
      const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname
      return path === '/metadata' || path.startsWith('/dcos-metadata/') ? Promise.resolve(new Response('<html>404 Not Found</html>', { status: 404 })) : fetch(input, init)
    }) as typeof fetch
    const c = await serveBffOnCluster({ agents: 1, app: { fetch: noMetadata } })
    try {
      const res = await c.viewer.request('/api/cluster')
      expect(res.status).toBe(200)
      expect((await res.json()).dcos).toBeNull()
    } finally {
      await c.close()
    }
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
    expect((await t.app.request('/api/cluster/components')).status).toBe(401)
  })
})

describe('GET /api/cluster with a hanging /metadata', () => {
  it('answers after one short try, without the cluster id, instead of waiting out retries', async () => {
    const hanging = ((input: string | URL | Request, init?: RequestInit) => {
      const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname
      if (path !== '/metadata') return fetch(input, init)
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))
    }) as typeof fetch
    const c = await serveBffOnCluster({ agents: 1, app: { fetch: hanging } })
    try {
      const t0 = performance.now()
      const res = await c.viewer.request('/api/cluster')
      expect(res.status).toBe(200)
      expect(performance.now() - t0).toBeLessThan(6000)
      expect((await res.json()).dcos).toMatchObject({ version: '2.2.5', clusterId: null })
    } finally {
      await c.close()
    }
  })
})

describe('GET /api/cluster/components', () => {
  it('lists the DC/OS components with their health, problems first, and a partitioned agent shows as an unhealthy Mesos Agent', async () => {
    const healthy = await (await t.viewer.request('/api/cluster/components')).json()
    const units = (await (await fetch(`${t.served.baseUrl}/system/health/v1/units`)).json()) as { units: unknown[] }
    expect(healthy.components).toHaveLength(units.units.length)
    expect(healthy.counts).toEqual({ healthy: units.units.length, unhealthy: 0, warning: 0, unknown: 0 })
    expect(healthy.components.find((x: { id: string }) => x.id === 'dcos-mesos-master.service')).toMatchObject({ name: 'Mesos Master', health: 'healthy' })

    const agent = [...t.served.cluster.master.agents.values()].find((a) => !a.public)!
    t.served.cluster.master.partitionAgent(agent.id)
    try {
      const view = await (await t.viewer.request('/api/cluster/components')).json()
      // Every unit on that agent turns unhealthy (listed first); the master's own stay healthy.
      const unhealthy = view.components.filter((x: { health: string }) => x.health === 'unhealthy').map((x: { name: string }) => x.name)
      expect(unhealthy).toContain('Mesos Agent')
      expect(unhealthy).not.toContain('Mesos Master')
      expect(unhealthy).not.toContain('Mesos Agent Public')
      expect(view.components.slice(0, unhealthy.length).every((x: { health: string }) => x.health === 'unhealthy')).toBe(true)
      expect(view.counts.unhealthy).toBe(unhealthy.length)
      const nodes = await (await t.viewer.request('/api/cluster/components/dcos-mesos-slave.service/nodes')).json()
      expect(nodes.component).toBe('dcos-mesos-slave.service')
      expect(nodes.nodes[0]).toEqual({ ip: agent.ip, role: 'agent', health: 'unhealthy' })
      expect(nodes.nodes.slice(1).every((n: { health: string }) => n.health === 'healthy')).toBe(true)
    } finally {
      t.served.cluster.master.reconnectAgent(agent.id)
    }
  })

  it('answers 400 for a malformed unit name without calling the cluster, 404 for an unknown one', async () => {
    const before = t.calls.length
    for (const bad of ['nope', '..%2F..%2Fmesos', 'a b.service']) {
      const res = await t.viewer.request(`/api/cluster/components/${bad}/nodes`)
      expect(res.status).toBe(400)
      expect((await res.json()).error.kind).toBe('ValidationFailed')
    }
    expect(t.calls.length).toBe(before)
    const res = await t.viewer.request('/api/cluster/components/dcos-nope.service/nodes')
    expect(res.status).toBe(404)
    expect((await res.json()).error).toMatchObject({ kind: 'NotFound', message: 'Unit dcos-nope.service not found', upstream: { name: 'dcos', status: 404 } })
  })
})
