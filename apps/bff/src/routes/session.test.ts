import { describe, expect, it } from 'vitest'
import { createApp, MAX_BODY_BYTES } from '../app.ts'
import { loginAs } from '../testing/login.ts'

import type { TestResponse } from '../testing/login.ts'

const app = () => {
  const a = createApp({ clusterUrl: 'http://cluster.invalid' })
  return { request: async (path: string, init?: RequestInit): Promise<TestResponse> => a.request(path, init) }
}

describe('session routes', () => {
  it('logs in a demo user and returns role and CSRF token, with an HttpOnly SameSite=Strict cookie', async () => {
    const a = app()
    const res = await a.request('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: 'operator', password: 'operator' }) })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^meridian_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const body = await res.json()
    expect(body).toMatchObject({ user: { uid: 'operator', role: 'operator' }, mode: 'demo' })
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/)
  })

  it('rejects bad credentials with 401 and bad input with 400', async () => {
    const a = app()
    const bad = await a.request('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: 'admin', password: 'nope' }) })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ error: { kind: 'Unauthenticated', message: 'Invalid username or password' } })
    expect(bad.headers.get('set-cookie')).toBeNull()
    const invalid = await a.request('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: '' }) })
    expect(invalid.status).toBe(400)
    const env = await invalid.json()
    expect(env.error.kind).toBe('ValidationFailed')
    expect(env.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/password', '/uid'])
  })

  it('answers 401 without a session, and keeps /api/health public', async () => {
    const a = app()
    expect((await a.request('/api/session')).status).toBe(401)
    expect((await a.request('/api/nodes')).status).toBe(401)
    expect(await (await a.request('/api/nodes')).json()).toEqual({ error: { kind: 'Unauthenticated', message: 'Log in to continue' } })
    const health = await a.request('/api/health')
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ ok: true, mode: 'demo' })
  })

  it('returns the session, requires the CSRF header to log out, and ends the session', async () => {
    const a = app()
    const admin = await loginAs(a.request, 'admin')
    expect(await (await admin.request('/api/session')).json()).toMatchObject({ user: { uid: 'admin', role: 'admin' } })
    const noCsrf = await a.request('/api/session/logout', { method: 'POST', headers: { cookie: admin.cookie } })
    expect(noCsrf.status).toBe(403)
    expect((await noCsrf.json()).error.kind).toBe('Forbidden')
    const wrongCsrf = await a.request('/api/session/logout', { method: 'POST', headers: { cookie: admin.cookie, 'x-meridian-csrf': 'x'.repeat(32) } })
    expect(wrongCsrf.status).toBe(403)
    expect((await admin.request('/api/session')).status).toBe(200)
    expect((await admin.request('/api/session/logout', { method: 'POST' })).status).toBe(200)
    expect((await admin.request('/api/session')).status).toBe(401)
  })

  it('sets security headers on every response', async () => {
    const res = await app().request('/api/health')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    const unauth = await app().request('/api/nodes')
    expect(unauth.headers.get('x-frame-options')).toBe('DENY')
  })

  it('refuses bodies over the limit with 413', async () => {
    const a = app()
    const admin = await loginAs(a.request, 'admin')
    const res = await admin.request('/api/services', { method: 'POST', json: { id: '/big', cmd: 'x'.repeat(MAX_BODY_BYTES + 10) } })
    expect(res.status).toBe(413)
    expect((await res.json()).error.kind).toBe('ValidationFailed')
  })
})
