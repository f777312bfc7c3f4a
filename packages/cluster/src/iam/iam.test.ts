/**
 * IAM login and Admin Router's token check, over real HTTP against a served embedded cluster.
 */
import { decode } from 'hono/jwt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { clusterOptionsFromEnv } from '../cluster.ts'
import { IamTokens } from './iam-tokens.ts'
import { presentedToken } from './admin-router-auth.ts'

let open: ServedCluster
let guarded: ServedCluster
beforeAll(async () => {
  ;[open, guarded] = await Promise.all([serveCluster({ agents: 2 }), serveCluster({ agents: 2, requireAuth: true })])
})
afterAll(async () => {
  await Promise.all([open.close(), guarded.close()])
})

const login = (base: string, body: unknown, contentType = 'application/json') =>
  fetch(`${base}/acs/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('POST /acs/api/v1/auth/login', () => {
  it('exchanges a demo user password for an HS256 JWT with uid and a 5-day exp, and sets the DC/OS cookies', async () => {
    const res = await login(guarded.baseUrl, { uid: 'operator', password: 'operator' })
    expect(res.status).toBe(200)
    const { token } = (await res.json()) as { token: string }
    const { header, payload } = decode(token)
    expect(header.alg).toBe('HS256')
    expect(payload.uid).toBe('operator')
    const days = ((payload.exp as number) * 1000 - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(4.99)
    expect(days).toBeLessThanOrEqual(5)
    const cookies = res.headers.getSetCookie()
    expect(cookies.find((c) => c.startsWith('dcos-acs-auth-cookie='))).toMatch(/HttpOnly/)
    const info = cookies.find((c) => c.startsWith('dcos-acs-info-cookie='))!.split(';')[0]!.split('=').slice(1).join('=')
    expect(JSON.parse(Buffer.from(decodeURIComponent(info), 'base64').toString())).toEqual({ uid: 'operator', description: 'Demo operator', is_remote: false })
  })

  it('answers 401 with the IAM error body on a bad password or unknown user, and 400 on a malformed body', async () => {
    for (const body of [{ uid: 'admin', password: 'wrong' }, { uid: 'nobody', password: 'x' }]) {
      const res = await login(guarded.baseUrl, body)
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ title: 'Unauthorized', description: 'The login credentials are invalid.', code: 'ERR_INVALID_CREDENTIALS' })
      expect(res.headers.getSetCookie()).toEqual([])
    }
    for (const body of ['not json', '[]', JSON.stringify({ uid: 'admin' })]) {
      const res = await login(guarded.baseUrl, body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { code: string }).code).toBe('ERR_INVALID_DATA')
    }
  })

  it('accepts a token login ({token} OIDC style, {uid, token} service-account style) only for tokens this cluster signed', async () => {
    const { token } = (await (await login(guarded.baseUrl, { uid: 'viewer', password: 'viewer' })).json()) as { token: string }
    const oidc = await login(guarded.baseUrl, { token })
    expect(oidc.status).toBe(200)
    expect(decode(((await oidc.json()) as { token: string }).token).payload.uid).toBe('viewer')
    expect((await login(guarded.baseUrl, { uid: 'viewer', token })).status).toBe(200)
    // Wrong uid for the token, a token of another cluster, an expired one, garbage: all 401.
    expect((await login(guarded.baseUrl, { uid: 'admin', token })).status).toBe(401)
    const foreign = await new IamTokens().issue('admin')
    expect((await login(guarded.baseUrl, { token: foreign })).status).toBe(401)
    expect((await login(guarded.baseUrl, { token: 'a.b.c' })).status).toBe(401)
    const { token: openToken } = (await (await login(open.baseUrl, { uid: 'admin', password: 'admin' })).json()) as { token: string }
    expect((await login(guarded.baseUrl, { token: openToken })).status).toBe(401)
  })
})

describe('Admin Router token check (requireAuth)', () => {
  const paths = ['/mesos/master/state-summary', '/service/marathon/v2/apps', '/marathon/v2/apps', '/service/metronome/v1/jobs', '/package/list', '/capabilities']

  it('answers 401 + WWW-Authenticate: acsjwt without a valid token on every protected path', async () => {
    for (const p of paths) {
      for (const authorization of [undefined, 'token=nope', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=']) {
        const res = await fetch(guarded.baseUrl + p, { method: p === '/package/list' ? 'POST' : 'GET', headers: authorization ? { authorization } : {} })
        expect(res.status, `${p} ${authorization}`).toBe(401)
        expect(res.headers.get('www-authenticate')).toBe('acsjwt')
        expect(await res.text()).toContain('401 Authorization Required')
      }
    }
    const sub = await fetch(`${guarded.baseUrl}/mesos/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'SUBSCRIBE' }) })
    expect(sub.status).toBe(401)
  })

  it('lets `token=`, `Bearer` and the auth cookie through, and rejects an expired token', async () => {
    const { token } = (await (await login(guarded.baseUrl, { uid: 'admin', password: 'admin' })).json()) as { token: string }
    const variants: Array<Record<string, string>> = [{ authorization: `token=${token}` }, { authorization: `Bearer ${token}` }, { cookie: `dcos-acs-auth-cookie=${token}` }]
    for (const headers of variants) {
      const res = await fetch(`${guarded.baseUrl}/service/marathon/v2/apps`, { headers })
      expect(res.status).toBe(200)
      expect(((await res.json()) as { apps: unknown[] }).apps.length).toBeGreaterThan(0)
    }
    expect((await fetch(`${guarded.baseUrl}/mesos/master/state-summary`, { headers: { authorization: `token=${token}` } })).status).toBe(200)
    expect((await fetch(`${guarded.baseUrl}/dcos-metadata/dcos-version.json`)).status).not.toBe(401)
  })

  it('stays open by default, and MERIDIAN_DEMO_REQUIRE_AUTH=1 turns it on', async () => {
    expect((await fetch(`${open.baseUrl}/service/marathon/v2/apps`)).status).toBe(200)
    expect(clusterOptionsFromEnv({ MERIDIAN_DEMO_REQUIRE_AUTH: '1' }).requireAuth).toBe(true)
    expect(clusterOptionsFromEnv({}).requireAuth).toBeUndefined()
  })
})

describe('IamTokens and presentedToken', () => {
  it('rejects expired tokens and tokens without a uid', async () => {
    let now = Date.now()
    const tokens = new IamTokens('s3cret', () => now)
    const t = await tokens.issue('admin', 60)
    expect(await tokens.verify(t)).toBe('admin')
    now += 61_000
    expect(await tokens.verify(t)).toBeNull()
    expect(await new IamTokens('s3cret').verify(await new IamTokens('s3cret').issue(''))).toBeNull()
  })

  it('reads token=, Bearer and the cookie (the header wins over the cookie)', () => {
    expect(presentedToken('token=abc', undefined)).toBe('abc')
    expect(presentedToken('Bearer abc', 'zzz')).toBe('abc')
    expect(presentedToken(undefined, 'zzz')).toBe('zzz')
    expect(presentedToken('Basic abc', 'zzz')).toBeUndefined()
    expect(presentedToken(undefined, undefined)).toBeUndefined()
  })
})
