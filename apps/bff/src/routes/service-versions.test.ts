/** `GET /api/services/:id/versions/:version` over HTTP against a served embedded cluster. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
const id = '/test/history'
const path = `/api/services/${encodeURIComponent(id)}`
const versionPath = (v: string, of = id) => `/api/services/${encodeURIComponent(of)}/versions/${encodeURIComponent(v)}`

beforeAll(async () => {
  t = await serveBffOnCluster()
  expect((await t.operator.request('/api/services', { method: 'POST', json: { id, cmd: 'sleep 3600', cpus: 0.1, mem: 32, instances: 1 } })).status).toBe(201)
  await t.advance(5000)
  const d0 = await (await t.viewer.request(path)).json()
  expect((await t.operator.request(path, { method: 'PUT', json: { ...d0.definition, cmd: 'sleep 7200', mem: 64 } })).status).toBe(200)
  await t.advance(5000)
})
afterAll(() => t.close())

describe('GET /api/services/:id/versions/:version', () => {
  it('returns each stored definition without the version stamps, as Marathon stored it', async () => {
    const { versions } = await (await t.viewer.request(path)).json()
    expect(versions).toHaveLength(2)
    const [newest, oldest] = versions as [string, string]
    const before = t.calls.length
    const res = await t.viewer.request(versionPath(oldest))
    expect(res.status).toBe(200)
    const old = await res.json()
    expect(old).toMatchObject({ id, version: oldest, definition: { id, cmd: 'sleep 3600', mem: 32, instances: 1 } })
    expect(old.definition.version).toBeUndefined()
    expect(old.definition.versionInfo).toBeUndefined()
    expect(t.calls.slice(before)).toEqual([`GET /service/marathon/v2/apps/test/history/versions/${encodeURIComponent(oldest)}`])
    const cur = await (await t.viewer.request(versionPath(newest))).json()
    expect(cur.definition).toMatchObject({ cmd: 'sleep 7200', mem: 64 })
  })

  it('answers 404 NotFound for a version or app Marathon does not know', async () => {
    const missing = await t.viewer.request(versionPath('2001-01-01T00:00:00.000Z'))
    expect(missing.status).toBe(404)
    const body = await missing.json()
    expect(body.error).toMatchObject({ kind: 'NotFound', upstream: { name: 'marathon', status: 404 } })
    expect(body.error.message).toContain('does not exist in version 2001-01-01T00:00:00.000Z')
    const noApp = await t.viewer.request(versionPath('2001-01-01T00:00:00.000Z', '/test/nope'))
    expect(noApp.status).toBe(404)
    expect((await noApp.json()).error.kind).toBe('NotFound')
  })

  it('rejects a malformed id or version with 400 and calls no upstream', async () => {
    const before = t.calls.length
    for (const [bad, of] of [['yesterday', id], ['2026-11-25T12:00:00.000Z/../../x', id], ['2026-11-25', id], ['2026-11-25T12:00:00.000Z', '../../mesos']] as const) {
      const res = await t.viewer.request(versionPath(bad, of))
      expect(res.status, `${of} ${bad}`).toBe(400)
      expect((await res.json()).error.kind).toBe('ValidationFailed')
    }
    expect(t.calls.slice(before)).toEqual([])
  })

  it('needs a session', async () => {
    expect((await t.app.request(versionPath('2026-11-25T12:00:00.000Z'))).status).toBe(401)
  })
})
