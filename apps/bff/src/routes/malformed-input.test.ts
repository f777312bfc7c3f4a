/**
 * Request bodies a user (or a script) can get wrong: not JSON at all, or JSON of the wrong shape.
 * Both are the caller's mistake — a 400 that says what is wrong, never a 5xx blaming the
 * cluster — and neither reaches an upstream or changes what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
beforeAll(async () => {
  t = await serveBffOnCluster({ agents: 2 })
})
afterAll(() => t.close())

const ORDERS = `/api/services/${encodeURIComponent('/prod/api/orders')}`
const WRITES: Array<[string, string]> = [
  ['POST', '/api/services'],
  ['PUT', ORDERS],
  ['POST', `${ORDERS}/scale`],
  ['POST', '/api/jobs'],
  ['POST', '/api/catalog/install'],
]

describe('malformed request bodies', () => {
  it('answers 400 "not valid JSON" for a body that does not parse, before any upstream call', async () => {
    for (const [method, path] of WRITES) {
      const before = t.calls.length
      const res = await t.admin.request(path, { method, headers: { 'content-type': 'application/json' }, body: '{bad' })
      expect(res.status, `${method} ${path}`).toBe(400)
      expect(await res.json(), `${method} ${path}`).toEqual({ error: { kind: 'ValidationFailed', message: 'The request body is not valid JSON' } })
      expect(t.calls.slice(before), `${method} ${path}`).toEqual([])
    }
    const login = await t.app.request('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' })
    expect(login.status).toBe(400)
    expect(((await login.json()) as { error: { message: string } }).error.message).toBe('The request body is not valid JSON')
  })

  it('names the first offending field in the message of a body of the wrong shape', async () => {
    const res = await t.admin.request(`${ORDERS}/scale`, { method: 'POST', json: { instances: 'x' } })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { kind: string; message: string; details: Array<{ path: string }> } }
    expect(body.error.kind).toBe('ValidationFailed')
    expect(body.error.message).toMatch(/^Invalid request body: instances /)
    expect(body.error.details[0]!.path).toBe('/instances')
    const login = await t.app.request('/api/session/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'x' }) })
    expect(login.status).toBe(400)
    expect(((await login.json()) as { error: { message: string } }).error.message).toMatch(/^Invalid request body: uid /)
  })
})
