/**
 * Cosmos over real HTTP (serveCluster): media types, catalog operations, rendering every real
 * Universe package, repository administration and the error envelope for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { sharedUniverseDir } from '../testing/shared-universe.ts'

const T = (kind: string, v = 'v1'): string => `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${v}`
const SHARED = join(sharedUniverseDir(), 'packages')

let served: ServedCluster
beforeAll(async () => {
  served = await serveCluster({ agents: 8 })
})
afterAll(async () => {
  await served.close()
})

async function rpc(path: string, kind: string, body: unknown, accept?: string): Promise<{ status: number; type: string | null; json: Record<string, unknown> }> {
  const res = await fetch(`${served.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': T(`${kind}-request`), Accept: accept ?? T(`${kind}-response`, kind === 'describe' ? 'v3' : kind === 'install' ? 'v2' : 'v1') },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as Record<string, unknown> }
}

describe('package/search and describe', () => {
  it('lists the demo Universe with versions, selected first, image URLs rewritten', async () => {
    const r = await rpc('/package/search', 'search', {})
    expect(r.status).toBe(200)
    expect(r.type).toBe(T('search-response'))
    const pkgs = r.json.packages as Array<{ name: string; selected: boolean; versions: Record<string, number>; images?: Record<string, string> }>
    const names = pkgs.map((p) => p.name)
    for (const n of ['kafka', 'cassandra', 'hdfs', 'hello-world', 'marathon-lb', 'jenkins', 'nginx']) expect(names).toContain(n)
    const firstUnselected = pkgs.findIndex((p) => !p.selected)
    expect(pkgs.slice(firstUnselected).every((p) => !p.selected)).toBe(true)
    const kafka = pkgs.find((p) => p.name === 'kafka')!
    expect(kafka.versions).toEqual({ '2.10.0-2.4.0': 1200 })
    expect(kafka.images?.['icon-small']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/package\/resource\?url=https/)
  })

  it('matches substrings case-insensitively and globs over the whole field', async () => {
    const sub = await rpc('/package/search', 'search', { query: 'KAFK' })
    expect((sub.json.packages as Array<{ name: string }>).map((p) => p.name)).toEqual(['kafka'])
    const glob = await rpc('/package/search', 'search', { query: 'hell*' })
    expect((glob.json.packages as Array<{ name: string }>).map((p) => p.name)).toEqual(['hello-world'])
  })

  it('describes v3 with the base64 template, config and resource; v2 when asked', async () => {
    const r = await rpc('/package/describe', 'describe', { packageName: 'kafka' }, T('describe-response', 'v3'))
    expect(r.status).toBe(200)
    expect(r.type).toBe(T('describe-response', 'v3'))
    const pkg = r.json.package as Record<string, unknown>
    expect(pkg.releaseVersion).toBe(1200)
    expect(Buffer.from((pkg.marathon as { v2AppMustacheTemplate: string }).v2AppMustacheTemplate, 'base64').toString()).toContain('"id": "{{service.name}}"')
    expect((pkg.config as { type: string }).type).toBe('object')
    const v2 = await rpc('/package/describe', 'describe', { packageName: 'nginx' }, T('describe-response', 'v2'))
    expect(v2.type).toBe(T('describe-response', 'v2'))
    expect(v2.json.name).toBe('nginx')
    expect(v2.json.releaseVersion).toBeUndefined()
  })

  it('answers PackageNotFound and VersionNotFound in the error envelope', async () => {
    const nf = await rpc('/package/describe', 'describe', { packageName: 'nope' })
    expect(nf.status).toBe(400)
    expect(nf.type).toBe(T('error'))
    expect(nf.json).toEqual({ type: 'PackageNotFound', message: 'Package [nope] not found', data: { packageName: 'nope' } })
    const vnf = await rpc('/package/describe', 'describe', { packageName: 'kafka', packageVersion: '0.0.1' })
    expect(vnf.json.type).toBe('VersionNotFound')
    expect(vnf.json.message).toBe('Version [0.0.1] of package [kafka] not found')
  })

  it('lists versions', async () => {
    const r = await rpc('/package/list-versions', 'list-versions', { packageName: 'cassandra', includePackageVersions: true })
    expect(r.json).toEqual({ results: { '2.10.0-3.11.6': '1000' } })
  })
})

describe('media types and malformed requests', () => {
  it('rejects a wrong Content-Type and an unacceptable Accept with not_valid', async () => {
    const res = await fetch(`${served.baseUrl}/package/search`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: T('search-response') }, body: '{}' })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { type: string; data: { invalidItem: { name: string } } }
    expect(body.type).toBe('not_valid')
    expect(body.data.invalidItem).toEqual({ type: 'header', name: 'Content-Type' })
    const acc = await rpc('/package/search', 'search', {}, T('search-response', 'v9'))
    expect(acc.status).toBe(400)
    expect((acc.json.data as { invalidItem: { name: string } }).invalidItem.name).toBe('Accept')
  })

  it('answers json_error for unparsable and undecodable bodies', async () => {
    const bad = await rpc('/package/describe', 'describe', '{not json')
    expect(bad.status).toBe(400)
    expect(bad.json.type).toBe('json_error')
    expect((bad.json.data as { type: string }).type).toBe('parse')
    const missing = await rpc('/package/describe', 'describe', { packageVersion: '1' })
    expect(missing.json.type).toBe('json_error')
    expect((missing.json.data as { type: string }).type).toBe('decode')
  })

  it('serves capabilities', async () => {
    const res = await fetch(`${served.baseUrl}/capabilities`)
    expect(res.headers.get('content-type')).toBe('application/vnd.dcos.capabilities+json;charset=utf-8;version=v1')
    expect(((await res.json()) as { capabilities: Array<{ name: string }> }).capabilities.map((c) => c.name)).toContain('PACKAGE_MANAGEMENT')
  })
})

describe('package/render', () => {
  for (const name of ['kafka', 'cassandra', 'hello-world', 'marathon-lb', 'jenkins', 'nginx', 'hdfs']) {
    it(`renders ${name} with default options`, async () => {
      const r = await rpc('/package/render', 'render', { packageName: name })
      expect(r.status).toBe(200)
      const app = r.json.marathonJson as { id: string; labels: Record<string, string> }
      expect(app.labels.DCOS_PACKAGE_NAME).toBe(name)
      expect(typeof app.id).toBe('string')
    })
  }

  it('answers JsonSchemaMismatch listing every error', async () => {
    const r = await rpc('/package/render', 'render', { packageName: 'kafka', options: { brokers: { count: 'x', cpus: 'y' } } })
    expect(r.status).toBe(400)
    expect(r.json.type).toBe('JsonSchemaMismatch')
    expect(r.json.message).toBe('Options JSON failed validation')
    expect(((r.json.data as { errors: unknown[] }).errors).length).toBe(2)
  })
})

describe('package/repository', () => {
  it('lists, adds at an index, rejects duplicates and bad indexes, and deletes', async () => {
    const list = await rpc('/package/repository/list', 'repository.list', {})
    expect((list.json.repositories as unknown[]).length).toBe(1)
    const uri = pathToFileURL(SHARED).href
    const added = await rpc('/package/repository/add', 'repository.add', { name: 'shared', uri, index: 0 })
    expect(added.status).toBe(200)
    expect((added.json.repositories as Array<{ name: string }>).map((r) => r.name)).toEqual(['shared', 'Universe'])
    // The earlier repository wins a name both have.
    const d = await rpc('/package/describe', 'describe', { packageName: 'kafka' }, T('describe-response', 'v3'))
    expect(d.status).toBe(200)
    const dup = await rpc('/package/repository/add', 'repository.add', { name: 'shared', uri: 'https://example.invalid/repo' })
    expect(dup.json.type).toBe('RepositoryAlreadyPresent')
    const oob = await rpc('/package/repository/add', 'repository.add', { name: 'x', uri: 'https://example.invalid/repo', index: 7 })
    expect(oob.json.type).toBe('RepositoryAddIndexOutOfBounds')
    const scheme = await rpc('/package/repository/add', 'repository.add', { name: 'y', uri: 'ftp://example.invalid/repo' })
    expect(scheme.json.type).toBe('UnsupportedRepositoryUri')
    // Only the test cluster allows file: URIs; a served demo must never read its own disk.
    const strict = await serveCluster({ agents: 1, empty: true, allowFileRepositories: false })
    try {
      const res = await fetch(`${strict.baseUrl}/package/repository/add`, {
        method: 'POST',
        headers: { 'Content-Type': T('repository.add-request'), Accept: T('repository.add-response') },
        body: JSON.stringify({ name: 'local', uri: 'file:///etc' }),
      })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { type: string }).type).toBe('UnsupportedRepositoryUri')
      const list = await fetch(`${strict.baseUrl}/package/repository/list`, {
        method: 'POST',
        headers: { 'Content-Type': T('repository.list-request'), Accept: T('repository.list-response') },
        body: '{}',
      })
      expect(((await list.json()) as { repositories: Array<{ name: string }> }).repositories.map((r) => r.name)).toEqual(['Universe'])
    } finally {
      await strict.close()
    }
    const missing = await rpc('/package/repository/delete', 'repository.delete', {})
    expect(missing.json.type).toBe('RepoNameOrUriMissing')
    const absent = await rpc('/package/repository/delete', 'repository.delete', { name: 'nope' })
    expect(absent.json.type).toBe('RepositoryNotPresent')
    const del = await rpc('/package/repository/delete', 'repository.delete', { name: 'shared' })
    expect((del.json.repositories as Array<{ name: string }>).map((r) => r.name)).toEqual(['Universe'])
  })
})
