import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRootApp } from './server-app.ts'

function rootApp() {
  const webDist = mkdtempSync(path.join(tmpdir(), 'meridian-web-'))
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Meridian</title>')
  // No cluster is mounted and nothing listens on the cluster URL: only fallbacks answer.
  return createRootApp({ app: { clusterUrl: 'http://127.0.0.1:9' }, webDist })
}

describe('root app fallbacks', () => {
  it('serves index.html for deep links of the SPA', async () => {
    const res = await rootApp().request('/services/detail/prod/api')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Meridian</title>')
  })

  it('never answers an unknown cluster path with the SPA', async () => {
    for (const p of ['/mesos/nope', '/service/nope/v1/plans', '/package/nope', '/marathon']) {
      const res = await rootApp().request(p)
      expect(res.status, p).toBe(404)
      expect(await res.text(), p).not.toContain('<title>')
    }
  })

  it('answers an unknown /api path with the JSON error envelope, not HTML', async () => {
    const app = rootApp()
    const login = await app.request('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: 'admin', password: 'admin' }) })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const res = await app.request('/api/no-such-view', { headers: { cookie } })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { kind: 'NotFound' } })
  })
})
