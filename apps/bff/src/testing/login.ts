/**
 * Test helper: logs in to a BFF app (in-process `app.request` or a served base URL) and
 * returns a request function that carries the session cookie and CSRF header.
 */
import type { SessionView } from '@meridian/api'

type Fetcher = (path: string, init?: RequestInit) => Promise<Response> | Response

/** Test responses: `json()` is loosely typed so assertions can index into bodies. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> }

/** A logged-in client. */
export interface LoggedIn {
  session: SessionView
  cookie: string
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<TestResponse>
}

/** Logs in as a demo user (password = uid unless given). Throws if login fails. */
export async function loginAs(fetcher: Fetcher, uid: 'admin' | 'operator' | 'viewer' | string, password = uid): Promise<LoggedIn> {
  const res = await fetcher('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid, password }) })
  if (res.status !== 200) throw new Error(`login as ${uid} failed: ${res.status} ${await res.text()}`)
  const session = (await res.json()) as SessionView
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  return {
    session,
    cookie,
    async request(path, init = {}) {
      const headers = new Headers(init.headers)
      headers.set('cookie', cookie)
      const method = (init.method ?? 'GET').toUpperCase()
      if (method !== 'GET' && method !== 'HEAD') headers.set('x-meridian-csrf', session.csrfToken)
      let body = init.body
      if (init.json !== undefined) {
        body = JSON.stringify(init.json)
        headers.set('content-type', 'application/json')
      }
      const { json: _json, ...rest } = init
      return fetcher(path, { ...rest, headers, ...(body !== undefined ? { body } : {}) })
    },
  }
}
