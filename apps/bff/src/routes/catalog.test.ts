/** /api/catalog over HTTP against a served embedded cluster (real Cosmos media types and errors). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
beforeAll(async () => {
  t = await serveBffOnCluster()
})
afterAll(() => t.close())

const installs = () => t.calls.filter((c) => c === 'POST /package/install').length

describe('/api/catalog', () => {
  it('searches with tag counts, filters by tag, and keeps Cosmos order (selected first, then name)', async () => {
    const all = await (await t.viewer.request('/api/catalog/packages')).json()
    expect(all.packages.length).toBeGreaterThan(3)
    const kafka = all.packages.find((p: { name: string }) => p.name === 'kafka')
    expect(kafka).toMatchObject({ currentVersion: '2.10.0-2.4.0', framework: true, selected: true })
    expect(kafka.tags).toContain('broker')
    expect(kafka.icon).toMatch(/\/package\/resource\?url=/)
    expect(all.tags.find((x: { tag: string }) => x.tag === 'kafka')).toEqual({ tag: 'kafka', count: 1 })
    const byTag = await (await t.viewer.request('/api/catalog/packages?tag=broker')).json()
    expect(byTag.packages.map((p: { name: string }) => p.name)).toContain('kafka')
    expect(byTag.packages.every((p: { tags: string[] }) => p.tags.includes('broker'))).toBe(true)
    const q = await (await t.viewer.request('/api/catalog/packages?q=cassandra')).json()
    expect(q.packages.map((p: { name: string }) => p.name)).toEqual(['cassandra'])
  })

  it('describes a package with versions and its config JSON Schema; unknown packages are 404 with the Cosmos type', async () => {
    const res = await t.viewer.request('/api/catalog/packages/kafka')
    expect(res.status).toBe(200)
    const d = await res.json()
    expect(d).toMatchObject({ name: 'kafka', version: '2.10.0-2.4.0', versions: ['2.10.0-2.4.0'], maintainer: 'support@mesosphere.io' })
    expect(d.configSchema.properties.brokers.properties.count).toMatchObject({ type: 'number', default: 3 })
    const missing = await t.viewer.request('/api/catalog/packages/no-such-package')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.upstream).toMatchObject({ name: 'cosmos', type: 'PackageNotFound', status: 400 })
    const badVersion = await t.viewer.request('/api/catalog/packages/kafka?version=9.9.9')
    expect(badVersion.status).toBe(404)
    expect((await t.viewer.request('/api/catalog/packages/Bad%20Name')).status).toBe(400)
  })

  it('validates install options against the merged config schema in the BFF: per-field 400, Cosmos never asked to install', async () => {
    const before = installs()
    const res = await t.operator.request('/api/catalog/install', {
      method: 'POST',
      json: { packageName: 'kafka', options: { brokers: { count: 'three', cpus: -5 }, service: { name: 'Not Valid!', log_level: 'LOUD' }, nonsense: true } },
    })
    expect(res.status).toBe(400)
    const env = await res.json()
    expect(env.error.kind).toBe('ValidationFailed')
    const paths = env.error.details.map((x: { path: string }) => x.path)
    expect(paths).toEqual(expect.arrayContaining(['/brokers/count', '/service/name', '/service/log_level']))
    for (const x of env.error.details) expect(x.errors.length).toBeGreaterThan(0)
    expect(installs()).toBe(before)
    expect((await (await t.viewer.request('/api/catalog/installed')).json()).packages).toEqual([])
  })

  it('forbids viewers to install or uninstall', async () => {
    const before = t.calls.length
    expect((await t.viewer.request('/api/catalog/install', { method: 'POST', json: { packageName: 'kafka' } })).status).toBe(403)
    expect((await t.viewer.request('/api/catalog/uninstall', { method: 'POST', json: { packageName: 'kafka' } })).status).toBe(403)
    expect(t.calls.length).toBe(before)
  })

  it('installs with valid options, lists it as installed, surfaces PackageAlreadyInstalled, and uninstalls', async () => {
    const res = await t.operator.request('/api/catalog/install', { method: 'POST', json: { packageName: 'jenkins', options: { service: { name: 'ci' } } } })
    expect(res.status).toBe(200)
    const r = await res.json()
    expect(r).toMatchObject({ packageName: 'jenkins', packageVersion: '4.0.0-2.204.6', appId: '/ci' })
    const installed = await (await t.viewer.request('/api/catalog/installed')).json()
    expect(installed.packages).toEqual([expect.objectContaining({ appId: '/ci', packageName: 'jenkins', packageVersion: '4.0.0-2.204.6', framework: true })])

    const again = await t.operator.request('/api/catalog/install', { method: 'POST', json: { packageName: 'jenkins', options: { service: { name: 'ci' } } } })
    expect(again.status).toBe(409)
    expect((await again.json()).error).toMatchObject({ kind: 'Conflict', upstream: { name: 'cosmos', type: 'PackageAlreadyInstalled' } })

    const wrongApp = await t.operator.request('/api/catalog/uninstall', { method: 'POST', json: { packageName: 'jenkins', appId: '/nope' } })
    expect(wrongApp.status).toBe(422)
    expect((await wrongApp.json()).error.upstream.type).toBe('UninstallNonExistentAppForPackage')
    const un = await t.operator.request('/api/catalog/uninstall', { method: 'POST', json: { packageName: 'jenkins', appId: '/ci' } })
    expect(un.status).toBe(200)
    expect((await un.json()).results).toEqual([expect.objectContaining({ packageName: 'jenkins', appId: '/ci' })])
  })

  it('lists repositories for everyone and lets only admins change them; Cosmos errors keep their type', async () => {
    const list = await (await t.viewer.request('/api/catalog/repositories')).json()
    expect(list.repositories).toHaveLength(1)
    const universe = list.repositories[0] as { name: string; uri: string }
    const before = t.calls.length
    expect((await t.operator.request('/api/catalog/repositories', { method: 'POST', json: { name: 'x', uri: 'https://example.com/repo' } })).status).toBe(403)
    expect((await t.operator.request('/api/catalog/repositories', { method: 'DELETE', json: { name: universe.name } })).status).toBe(403)
    expect((await t.admin.request('/api/catalog/repositories', { method: 'POST', json: { name: 'x', uri: 'not a uri' } })).status).toBe(400)
    expect((await t.admin.request('/api/catalog/repositories', { method: 'DELETE', json: {} })).status).toBe(400)
    expect(t.calls.length).toBe(before)

    const dup = await t.admin.request('/api/catalog/repositories', { method: 'POST', json: universe })
    expect(dup.status).toBe(422)
    expect((await dup.json()).error.upstream.type).toBe('RepositoryAlreadyPresent')
    const removed = await t.admin.request('/api/catalog/repositories', { method: 'DELETE', json: { name: universe.name } })
    expect(removed.status).toBe(200)
    expect((await removed.json()).repositories).toEqual([])
    const gone = await t.admin.request('/api/catalog/repositories', { method: 'DELETE', json: { name: universe.name } })
    expect((await gone.json()).error.upstream.type).toBe('RepositoryNotPresent')
    const added = await t.admin.request('/api/catalog/repositories', { method: 'POST', json: { ...universe, index: 0 } })
    expect(added.status).toBe(200)
    expect((await added.json()).repositories).toEqual([universe])
  })
})
