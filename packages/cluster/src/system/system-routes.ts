/**
 * Admin Router's DC/OS metadata and the leading master's dcos-diagnostics (upstream-apis.md §0,
 * checklist item 6): `GET /dcos-metadata/dcos-version.json` (a static file, no token needed),
 * `GET /metadata` (`PUBLIC_IPV4`, `CLUSTER_ID`) and the cluster-wide health API under
 * `/system/health/v1` — `units`, `units/<id>`, `units/<id>/nodes`, `nodes` — with
 * dcos-diagnostics' field names (`id`, `name`, `health`, `description`; `host_ip`, `health`,
 * `role`) and its plain-text 404 for an unknown unit.
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { MesosMaster } from '../mesos/state/master.ts'
import { systemNodes, unitHealth, unitNodes, UNITS } from './units.ts'

/** DC/OS release the emulation presents (Mesos 1.11 / Marathon 1.10 / Metronome 0.6 ship in 2.2). */
export const DCOS_VERSION = { version: '2.2.5', 'dcos-variant': 'open', 'dcos-image-commit': 'a0f1b6d8c5e3e4b2f9d7c6a1e8b3d2f4c5a6b7e8', 'bootstrap-id': '3f5c7e9a1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a' } as const

/** A UUID-shaped id derived from the master's id, so the same seed gives the same cluster id. */
function clusterId(masterId: string): string {
  const h = createHash('sha1').update(`dcos-cluster:${masterId}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** dcos-diagnostics answers unknown units with Go's `http.Error`: text/plain and a trailing newline. */
function goHttpError(message: string, status: 404) {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })
}

export function systemRoutes(master: MesosMaster): Hono {
  const app = new Hono()
  app.get('/dcos-metadata/dcos-version.json', (c) => c.json(DCOS_VERSION, 200))
  // Admin Router answers with the public IP its master detects for itself (`detect_ip_public`); the
  // simulated master has one address.
  app.get('/metadata', (c) => c.json({ PUBLIC_IPV4: master.ip, CLUSTER_ID: clusterId(master.id) }, 200))

  const health = new Hono()
  health.get('/units', (c) => {
    const nodes = systemNodes(master)
    return c.json({ units: UNITS.map((u) => ({ id: u.id, name: u.name, health: unitHealth(u, nodes), description: u.description })) }, 200)
  })
  health.get('/units/:unit', (c) => {
    const u = UNITS.find((x) => x.id === c.req.param('unit'))
    if (!u) return goHttpError(`Unit ${c.req.param('unit')} not found`, 404)
    return c.json({ id: u.id, name: u.name, health: unitHealth(u, systemNodes(master)), description: u.description }, 200)
  })
  health.get('/units/:unit/nodes', (c) => {
    const u = UNITS.find((x) => x.id === c.req.param('unit'))
    if (!u) return goHttpError(`Unit ${c.req.param('unit')} not found`, 404)
    return c.json({ nodes: unitNodes(u, systemNodes(master)) }, 200)
  })
  health.get('/nodes', (c) => c.json({ nodes: systemNodes(master) }, 200))
  app.route('/system/health/v1', health)
  return app
}
