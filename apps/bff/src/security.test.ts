/**
 * Security properties over every route of the app (table-driven from `app.routes`, so a new
 * route is covered the day it is added): CSRF on every state-changing route, path-traversal ids
 * refused with 400 on every route that takes an id, body size limit, and security headers on
 * every kind of response of the one origin, the SPA's HTML included.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp, MAX_BODY_BYTES } from './app.ts'
import { isTraversal } from './routes/path-guard.ts'
import { createRootApp } from './server-app.ts'
import { serveApp, type ServedApp } from './testing/delta-stream.ts'
import { loginAs } from './testing/login.ts'

const upstreamCalls: string[] = []
const deadUpstream = (async (input: string | URL | Request) => {
  upstreamCalls.push(String(input instanceof Request ? input.url : input))
  return new Response('unavailable', { status: 503 })
}) as typeof fetch
const app = createApp({ clusterUrl: 'http://cluster.invalid', fetch: deadUpstream })
const request = app.request.bind(app)
const served: ServedApp[] = []
afterAll(() => served.forEach((s) => s.close()))

const PUBLIC = new Set(['POST /api/session/login', 'POST /api/session/login-token'])
const routes = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))].map((k) => {
  const [method, p] = k.split(' ') as [string, string]
  return { method, path: p }
})
/** Valid-looking values per param name, so only the property under test can fail. */
const VALID: Record<string, string> = { id: 'abc', runId: '20261125120000abcde', scheduleId: 'nightly', plan: 'deploy', action: 'restart', name: 'kafka' }
const fill = (p: string, override?: [string, string]) => p.replace(/:(\w+)/g, (_, n: string) => (override && override[0] === n ? override[1] : (VALID[n] ?? 'x')))

describe('CSRF', () => {
  const changing = routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !PUBLIC.has(`${r.method} ${r.path}`))

  it('covers every state-changing route', () => {
    expect(changing.length).toBeGreaterThan(25)
  })

  it.each(changing)('$method $path answers 403 without the CSRF header, and with a wrong one', async ({ method, path: p }) => {
    const admin = await loginAs(request, 'admin')
    const before = upstreamCalls.length
    for (const csrf of [undefined, 'x'.repeat(admin.session.csrfToken.length)]) {
      const headers: Record<string, string> = { cookie: admin.cookie, 'content-type': 'application/json' }
      if (csrf) headers['x-meridian-csrf'] = csrf
      const res = await request(fill(p), { method, headers, body: '{}' })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { kind: string } }).error.kind).toBe('Forbidden')
    }
    expect(upstreamCalls.length).toBe(before)
  })
})

describe('path-traversal ids', () => {
  const withIds = routes.filter((r) => r.path.includes('/:'))
  // A whole `..` or `%2e%2e` segment is a dot-segment to every URL parser (WHATWG URL, and the
  // Node adapter's Request): it is resolved before routing, see the raw-socket test below.
  const ATTACKS = ['..%2F..%2Fx', '%2e%2e%2f%2e%2e%2fx', '%2E%2E%2F%2E%2E%2Fx', '..%5C..%5Cx', '%252e%252e%252fx', '..%2f', 'x%00y']

  it('covers every route with an id', () => {
    expect(withIds.length).toBeGreaterThan(25)
  })

  it.each(withIds)('$method $path answers 400 for every spelling of ../ in each param', async ({ method, path: p }) => {
    const admin = await loginAs(request, 'admin')
    const before = upstreamCalls.length
    for (const param of [...p.matchAll(/:(\w+)/g)].map((m) => m[1]!)) {
      for (const attack of ATTACKS) {
        const res = await admin.request(fill(p, [param, attack]), method === 'GET' ? { method } : { method, json: {} })
        expect(res.status, `${param}=${attack}`).toBe(400)
        expect((await res.json()).error.kind).toBe('ValidationFailed')
      }
    }
    expect(upstreamCalls.length).toBe(before)
  })

  it('raw ../ and %2e%2e segments sent as-is are resolved by the URL parser before routing: they never reach an id or an upstream', async () => {
    const s = await serveApp(app)
    served.push(s)
    const admin = await loginAs(s.fetcher, 'admin')
    const port = Number(new URL(s.base).port)
    const before = upstreamCalls.length
    const cases: Array<[string, number]> = [
      ['/api/services/../../x', 404],
      ['/api/nodes/../../../etc/passwd', 404],
      ['/api/tasks/%2e%2e/%2e%2e/%2e%2e/x', 404],
      ['/api/jobs/../session', 200], // = GET /api/session, as a browser would send it
    ]
    for (const [rawPath, expected] of cases) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, headers: { cookie: admin.cookie } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
      expect(status, rawPath).toBe(expected)
    }
    expect(upstreamCalls.length).toBe(before)
  })

  it('lets real ids through the guard', () => {
    for (const ok of ['/api/services/%2Fprod%2Fweb', '/api/jobs/prod.backup', '/api/tasks/web.instance-1a2b._app.1/logs', '/api/nodes/5f0c-S1']) expect(isTraversal(ok), ok).toBe(false)
  })
})

describe('request size limit', () => {
  it.each(['/api/services', '/api/jobs', '/api/catalog/install', '/api/session/login'])('POST %s over the limit answers 413 before any handler', async (p) => {
    const admin = await loginAs(request, 'admin')
    const before = upstreamCalls.length
    const res = await admin.request(p, { method: 'POST', json: { id: 'big', pad: 'x'.repeat(MAX_BODY_BYTES + 1) } })
    expect(res.status).toBe(413)
    expect((await res.json()).error.kind).toBe('ValidationFailed')
    expect(upstreamCalls.length).toBe(before)
  })

  it('also stops a chunked body without Content-Length', async () => {
    const s = await serveApp(app)
    served.push(s)
    const admin = await loginAs(s.fetcher, 'admin')
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > MAX_BODY_BYTES + chunk.length) return c.close()
        sent += chunk.length
        c.enqueue(chunk)
      },
    })
    const res = await fetch(`${s.base}/api/services`, { method: 'POST', headers: { cookie: admin.cookie, 'x-meridian-csrf': admin.session.csrfToken, 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
  })
})

describe('security headers on the one origin', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'meridian-web-'))
  mkdirSync(path.join(dist, 'assets'))
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Meridian</title><div id="root"></div>')
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)')
  const root = createRootApp({ app: { clusterUrl: 'http://cluster.invalid', fetch: deadUpstream }, webDist: dist })

  it.each([
    ['/', 'text/html'],
    ['/services/%2Fprod%2Fweb', 'text/html'],
    ['/assets/app.js', 'javascript'],
    ['/healthz', 'text/plain'],
    ['/api/health', 'application/json'],
    ['/api/nodes', 'application/json'],
  ])('%s carries CSP (no framing), X-Frame-Options and nosniff', async (p, type) => {
    const res = await root.request(p)
    expect(res.headers.get('content-type')).toContain(type)
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('serves the SPA shell for deep links', async () => {
    const res = await root.request('/jobs/prod.backup')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="root">')
  })
})
