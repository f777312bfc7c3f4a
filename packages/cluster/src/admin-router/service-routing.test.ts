/**
 * Admin Router's `/service/<name>` resolution over real HTTP (upstream-apis.md §6.1): unknown
 * names get nginx's 404 text, resolvable names without a trailing slash a 301, a Marathon app
 * only resolves with its DCOS_SERVICE_* labels and a running task, SDK schedulers by their app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'

let served: ServedCluster
const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
}
const advance = async (seconds: number): Promise<void> => {
  for (let i = 0; i < seconds; i++) {
    served.cluster.clock.advance(1000)
    await flush()
  }
}
const get = (path: string): Promise<Response> => fetch(`${served.baseUrl}${path}`, { redirect: 'manual' })
const pkg = (kind: string, v = 'v1'): string => `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${v}`

beforeAll(async () => {
  served = await serveCluster({ empty: true, agents: 8 })
})
afterAll(async () => {
  await served.close()
})

describe('Admin Router /service/<name> resolution', () => {
  it('answers unknown services with 404 "service not found" text', async () => {
    for (const path of ['/service/nope', '/service/nope/', '/service/a/b/c/v1/plans']) {
      const res = await get(path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(await res.text()).toBe('404 Not Found: service not found.\n')
    }
  })

  it('resolves a labelled Marathon app only once a task runs; 301 adds the slash', async () => {
    const app = {
      id: '/prod/web',
      cmd: 'nginx -g "daemon off;"',
      cpus: 0.1,
      mem: 32,
      labels: { DCOS_SERVICE_NAME: 'web', DCOS_SERVICE_PORT_INDEX: '0', DCOS_SERVICE_SCHEME: 'http' },
    }
    const created = await fetch(`${served.baseUrl}/service/marathon/v2/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(app) })
    expect(created.status).toBe(201)
    expect((await get('/service/web')).status).toBe(404) // no TASK_RUNNING task yet
    await advance(30)
    const bare = await get('/service/web?x=1')
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/service/web/?x=1')
    // Admin Router would proxy to the task's host port; nothing listens behind a simulated task.
    expect((await get('/service/web/index.html')).status).toBe(502)
    // Unlabelled path segments are not names: /service/prod/web is not a service.
    expect((await get('/service/prod/web')).status).toBe(404)
  })

  it('does not resolve an app whose port-index label is not numeric', async () => {
    const app = { id: '/odd', cmd: 'sleep 1000', cpus: 0.1, mem: 32, labels: { DCOS_SERVICE_NAME: 'odd', DCOS_SERVICE_PORT_INDEX: 'first', DCOS_SERVICE_SCHEME: 'http' } }
    await fetch(`${served.baseUrl}/service/marathon/v2/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(app) })
    await advance(30)
    expect((await get('/service/odd')).status).toBe(404)
  })

  it('redirects framework names and ids with a webui_url (Marathon, Metronome)', async () => {
    expect((await get('/service/marathon')).headers.get('location')).toBe('/service/marathon/')
    const fw = [...served.cluster.master.frameworks.values()].find((f) => f.name === 'metronome')!
    const byId = await get(`/service/${fw.id}`)
    expect(byId.status).toBe(301)
    expect(byId.headers.get('location')).toBe(`/service/${fw.id}/`)
  })

  it('routes an installed SDK service: 301 for the bare name, its API under /v1, Jetty 404 elsewhere', async () => {
    const install = await fetch(`${served.baseUrl}/package/install`, {
      method: 'POST',
      headers: { 'content-type': pkg('install-request'), accept: pkg('install-response', 'v2') },
      body: JSON.stringify({ packageName: 'kafka' }),
    })
    expect(install.status).toBe(200)
    await advance(20)
    const bare = await get('/service/kafka')
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/service/kafka/')
    expect((await get('/service/kafka/v1/plans')).status).toBe(200)
    const other = await get('/service/kafka/')
    expect(other.status).toBe(404)
    expect(await other.text()).toContain('<h2>HTTP ERROR 404</h2>')
  })
})
