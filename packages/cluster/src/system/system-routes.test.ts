/**
 * DC/OS metadata and dcos-diagnostics' cluster health over HTTP: shapes, the token rule, and
 * health following the simulation (a partitioned agent's units turn unhealthy, a removed agent
 * is no longer a node).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'

let open: ServedCluster
let guarded: ServedCluster
beforeAll(async () => {
  ;[open, guarded] = await Promise.all([serveCluster({ agents: 5 }), serveCluster({ agents: 2, requireAuth: true })])
})
afterAll(async () => {
  await Promise.all([open.close(), guarded.close()])
})

const get = async (path: string, base = open.baseUrl) => {
  const res = await fetch(`${base}${path}`)
  return { status: res.status, type: res.headers.get('content-type'), body: res.headers.get('content-type')?.startsWith('application/json') ? ((await res.json()) as Record<string, unknown>) : await res.text() }
}
type Unit = { id: string; name: string; health: number; description: string }
type Node = { host_ip: string; health: number; role: string }

describe('DC/OS metadata', () => {
  it('serves dcos-version.json without a token, and /metadata only with one', async () => {
    const v = await get('/dcos-metadata/dcos-version.json', guarded.baseUrl)
    expect(v.status).toBe(200)
    expect(Object.keys(v.body as object).sort()).toEqual(['bootstrap-id', 'dcos-image-commit', 'dcos-variant', 'version'])
    expect(v.body).toMatchObject({ version: '2.2.5', 'dcos-variant': 'open' })
    expect((await get('/metadata', guarded.baseUrl)).status).toBe(401)
  })

  it('/metadata gives the master’s address and a stable UUID cluster id; with a token on a guarded cluster', async () => {
    const m = await get('/metadata')
    expect(m.status).toBe(200)
    const body = m.body as { PUBLIC_IPV4: string; CLUSTER_ID: string }
    expect(body.CLUSTER_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(body.PUBLIC_IPV4).toBe(open.cluster.master.ip)
    expect((await get('/metadata')).body).toEqual(body)
    const { token } = (await (await fetch(`${guarded.baseUrl}/acs/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: 'viewer', password: 'viewer' }) })).json()) as { token: string }
    const withToken = await fetch(`${guarded.baseUrl}/metadata`, { headers: { authorization: `token=${token}` } })
    expect(withToken.status).toBe(200)
    expect(((await withToken.json()) as { CLUSTER_ID: string }).CLUSTER_ID).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('/system/health/v1', () => {
  it('lists the units cluster-wide with dcos-diagnostics field names, all healthy on a healthy cluster', async () => {
    const r = await get('/system/health/v1/units')
    expect(r.status).toBe(200)
    const units = (r.body as { units: Unit[] }).units
    expect(units.map((u) => u.id)).toContain('dcos-mesos-master.service')
    expect(units.map((u) => u.id)).toContain('dcos-mesos-slave-public.service')
    for (const u of units) {
      expect(Object.keys(u).sort()).toEqual(['description', 'health', 'id', 'name'])
      expect(u.health).toBe(0)
    }
    const nodes = ((await get('/system/health/v1/nodes')).body as { nodes: Node[] }).nodes
    expect(nodes).toHaveLength(6) // the master and five agents
    expect(nodes[0]).toEqual({ host_ip: '10.0.0.1', health: 0, role: 'master' })
    expect(new Set(nodes.map((n) => n.role))).toEqual(new Set(['master', 'agent', 'agent_public']))
  })

  it('a partitioned agent makes its units unhealthy there and cluster-wide; a removed one is no node', async () => {
    const agent = [...open.cluster.master.agents.values()].find((a) => !a.public)!
    const partition = await fetch(`${open.baseUrl}/api/demo/agents/${agent.id}/partition`, { method: 'POST' })
    expect(partition.status).toBe(200)
    const unit = (await get('/system/health/v1/units/dcos-mesos-slave.service')).body as Unit
    expect(unit).toMatchObject({ id: 'dcos-mesos-slave.service', name: 'Mesos Agent', health: 1 })
    expect(((await get('/system/health/v1/units/dcos-mesos-master.service')).body as Unit).health).toBe(0)
    expect(((await get('/system/health/v1/units/dcos-mesos-slave-public.service')).body as Unit).health).toBe(0)
    const on = ((await get('/system/health/v1/units/dcos-mesos-slave.service/nodes')).body as { nodes: Node[] }).nodes
    expect(on.find((n) => n.host_ip === agent.ip)).toEqual({ host_ip: agent.ip, health: 1, role: 'agent' })
    expect(on.every((n) => n.role === 'agent')).toBe(true)

    await fetch(`${open.baseUrl}/api/demo/agents/${agent.id}/heal`, { method: 'POST' })
    expect(((await get('/system/health/v1/units/dcos-mesos-slave.service')).body as Unit).health).toBe(0)
    open.cluster.master.removeAgent(agent.id)
    const nodes = ((await get('/system/health/v1/nodes')).body as { nodes: Node[] }).nodes
    expect(nodes.map((n) => n.host_ip)).not.toContain(agent.ip)
  })

  it('answers an unknown unit like dcos-diagnostics: 404, plain text', async () => {
    for (const path of ['/system/health/v1/units/nope.service', '/system/health/v1/units/nope.service/nodes']) {
      const r = await get(path)
      expect(r.status).toBe(404)
      expect(r.type).toBe('text/plain; charset=utf-8')
      expect(r.body).toBe('Unit nope.service not found\n')
    }
  })
})
