/**
 * The real-cluster login path: a BFF in cluster mode pointed by URL at a served embedded cluster
 * that requires DC/OS tokens (Admin Router behaviour). Credentials are exchanged at
 * /acs/api/v1/auth/login, the token stays in the BFF, every upstream call carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../../../../packages/cluster/src/testing/serve-cluster.ts'
import { createApp } from '../app.ts'
import { SessionStore } from '../auth/sessions.ts'
import { configFromEnv } from '../config.ts'
import { openDeltaStream, serveApp, loginServed, type ServedApp } from '../testing/delta-stream.ts'

interface Call {
  method: string
  path: string
  authorization: string | null
}

let served: ServedCluster
let bff: ServedApp
const sessions = new SessionStore()
const calls: Call[] = []
/** Tokens IAM handed out to the BFF (read off the wire, to search for them in browser-visible output). */
const issued: string[] = []

const recordingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
  calls.push({ method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, authorization: new Headers(init?.headers).get('authorization') })
  const res = await fetch(input, init)
  if (url.pathname === '/acs/api/v1/auth/login' && res.ok) issued.push(((await res.clone().json()) as { token: string }).token)
  return res
}) as typeof fetch

const iamLogin = async (uid: string) =>
  ((await (await fetch(`${served.baseUrl}/acs/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid, password: uid }) })).json()) as { token: string }).token

beforeAll(async () => {
  served = await serveCluster({ agents: 3, requireAuth: true })
  bff = await serveApp(createApp({ clusterUrl: served.baseUrl, mode: 'cluster', fetch: recordingFetch, sessions, roleFor: (uid) => (uid === 'viewer' ? 'viewer' : 'operator') }))
})
afterAll(async () => {
  bff.close()
  await served.close()
})

const post = (path: string, body: unknown) => bff.fetcher(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const visible = async (res: Response) => [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n' + (await res.clone().text())

describe('cluster mode login through DC/OS IAM', () => {
  it('refuses a bad password with 401 and a clear message, and sets no cookie', async () => {
    const res = await post('/api/session/login', { uid: 'operator', password: 'wrong' })
    expect(res.status).toBe(401)
    const body = (await res.json()) as { error: { kind: string; message: string; upstream?: { name: string; status: number; message?: string } } }
    expect(body.error).toMatchObject({ kind: 'Unauthenticated', message: 'Invalid username or password', upstream: { name: 'iam', status: 401, message: 'The login credentials are invalid.' } })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/acs/api/v1/auth/login', authorization: null })
  })

  it('exchanges the credentials, keeps the token server-side and sends it on every upstream call', async () => {
    const callsBefore = calls.length
    const res = await post('/api/session/login', { uid: 'operator', password: 'operator' })
    expect(res.status).toBe(200)
    const token = issued.at(-1)!
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(await res.clone().json()).toMatchObject({ user: { uid: 'operator', role: 'operator' }, mode: 'cluster' })
    // The browser gets only the opaque session cookie: never the token, never IAM's cookies.
    const cookies = res.headers.getSetCookie()
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatch(/^meridian_session=[\w-]+; .*HttpOnly/)
    expect(cookies[0]).toMatch(/SameSite=Strict/)
    expect(await visible(res)).not.toContain(token)

    const operator = await loginServed(bff, 'operator')
    const seen = [await operator.request('/api/session'), await operator.request('/api/services'), await operator.request('/api/nodes'), await operator.request('/api/jobs'), await operator.request('/api/dashboard')]
    for (const r of seen) expect(r.status).toBe(200)
    for (const r of seen) expect(await visible(r as unknown as Response)).not.toContain(issued.at(-1)!)

    const upstream = calls.slice(callsBefore).filter((c) => c.path !== '/acs/api/v1/auth/login')
    expect(upstream.length).toBeGreaterThan(4)
    for (const c of upstream) expect(c.authorization, `${c.method} ${c.path}`).toMatch(/^token=[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(new Set(upstream.map((c) => c.authorization))).toEqual(new Set([`token=${issued.at(-1)}`]))
  })

  it('runs the live streams with the session token (the SSE stream carries deltas, never the token)', async () => {
    const viewer = await loginServed(bff, 'viewer')
    const stream = await openDeltaStream(viewer)
    await expect.poll(() => stream.deltas.filter((d) => d.type === 'resync').length, { timeout: 5000 }).toBe(2)
    const subscribe = calls.filter((c) => c.path === '/mesos/api/v1' && c.method === 'POST').at(-1)!
    expect(subscribe.authorization).toMatch(/^token=/)
    expect(calls.filter((c) => c.path === '/service/marathon/v2/events').at(-1)!.authorization).toMatch(/^token=/)
    await stream.close()
    for (const t of issued) expect(stream.raw.join('')).not.toContain(t)
  })

  it('logs out: the session and its token are forgotten', async () => {
    const viewer = await loginServed(bff, 'viewer')
    const id = viewer.cookie.split('=')[1]!
    const store = (sessions as unknown as { sessions: Map<string, { clusterToken?: string }> }).sessions
    expect(store.get(id)?.clusterToken).toBe(issued.at(-1))
    const withTokens = () => [...store.values()].filter((s) => s.clusterToken).length
    const before = withTokens()
    expect((await viewer.request('/api/session/logout', { method: 'POST' })).status).toBe(200)
    expect(store.has(id)).toBe(false)
    expect(withTokens()).toBe(before - 1)
    expect((await viewer.request('/api/services')).status).toBe(401)
  })

  it('logs in with a DC/OS token ({token}) exchanged at IAM, and refuses a token IAM rejects', async () => {
    const dcosToken = await iamLogin('viewer')
    const ok = await post('/api/session/login-token', { token: dcosToken })
    expect(ok.status).toBe(200)
    expect(await ok.clone().json()).toMatchObject({ user: { uid: 'viewer', role: 'viewer' }, mode: 'cluster' })
    expect(await visible(ok)).not.toContain(dcosToken)
    expect(await visible(ok)).not.toContain(issued.at(-1)!)
    const bad = await post('/api/session/login-token', { token: 'x.y.z' })
    expect(bad.status).toBe(401)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('The DC/OS cluster did not accept this token')
    expect((await post('/api/session/login-token', { token: '' })).status).toBe(400)
  })
})

describe('static DCOS_ACS_TOKEN', () => {
  it('is read from the environment and sent on every upstream call', async () => {
    expect(configFromEnv({ DCOS_URL: 'https://dcos.example', DCOS_ACS_TOKEN: 'abc' })).toMatchObject({ clusterToken: 'abc', embedded: false, clusterUrl: 'https://dcos.example' })
    const staticToken = await iamLogin('admin')
    const seen: Array<string | null> = []
    const fetchWith = (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('authorization'))
      return fetch(input, init)
    }) as typeof fetch
    const app = createApp({ clusterUrl: served.baseUrl, clusterToken: staticToken, fetch: fetchWith })
    const withToken = await serveApp(app)
    const noToken = await serveApp(createApp({ clusterUrl: served.baseUrl }))
    const admin = await loginServed(withToken, 'admin')
    expect((await admin.request('/api/nodes')).status).toBe(200)
    expect((await admin.request('/api/services')).status).toBe(200)
    expect(seen.length).toBeGreaterThan(1)
    expect(new Set(seen)).toEqual(new Set([`token=${staticToken}`]))
    // Without a token the same cluster refuses the BFF.
    const anonymous = await loginServed(noToken, 'admin')
    const denied = await anonymous.request('/api/nodes')
    expect(denied.status).toBe(401)
    expect((await denied.json()).error).toMatchObject({ kind: 'Unauthenticated', upstream: { name: 'mesos', status: 401 } })
    withToken.close()
    noToken.close()
  })
})
