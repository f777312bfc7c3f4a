/**
 * MERIDIAN_UNIVERSE over real HTTP: a Universe folder in either layout (the source tree's
 * `repo/packages/<L>/<name>/<rev>/` or shared/universe's `packages/<name>/<rev>/`), a repository
 * JSON file, and a repository JSON served over HTTP (fetched with Cosmos's Accept header);
 * plus `/package/resource`, the image proxy that only serves URLs packages declare.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { clusterClient, pkgType } from '../sdk/sdk-http-test-client.ts'
import { DEMO_UNIVERSE_DIR } from './cosmos-app.ts'
import { loadUniverseFolder } from './universe/load-repository.ts'
import { sharedUniverseDir } from '../testing/shared-universe.ts'

const SHARED_UNIVERSE = sharedUniverseDir()
const V4_REPO = 'application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4'

let served: ServedCluster | undefined
const http = clusterClient(() => served!)
const cleanups: Array<() => Promise<void> | void> = []

afterEach(async () => {
  await served?.close()
  served = undefined
  delete process.env.MERIDIAN_UNIVERSE
  for (const c of cleanups.splice(0)) await c()
})

async function serveWithUniverse(source: string): Promise<void> {
  process.env.MERIDIAN_UNIVERSE = source
  served = await serveCluster({ agents: 6, empty: true })
}

const search = async (): Promise<string[]> => {
  const r = await http.cosmos('/package/search', pkgType('search-request'), pkgType('search-response'), {})
  return (r.json.packages as Array<{ name: string }>).map((p) => p.name).sort()
}
const repositories = async () =>
  (await http.cosmos('/package/repository/list', pkgType('repository.list-request'), pkgType('repository.list-response'), {})).json.repositories as Array<{ name: string; uri: string }>
const appLabels = async (id: string): Promise<Record<string, string>> =>
  (await http.getJson<{ app: { labels: Record<string, string> } }>(`/service/marathon/v2/apps/${id}`)).body.app.labels

/** A v4 repository JSON built from the demo source tree, as gen_universe.py would. */
function demoRepoJson(filter: (name: string) => boolean): string {
  return JSON.stringify({ packages: loadUniverseFolder(DEMO_UNIVERSE_DIR).filter((p) => filter(p.name)) })
}

describe('MERIDIAN_UNIVERSE', () => {
  it('loads a folder in the flattened packages/<name>/<rev>/ layout (shared/universe)', async () => {
    await serveWithUniverse(SHARED_UNIVERSE)
    expect(await search()).toEqual(['cassandra', 'hello-world', 'jenkins', 'kafka', 'marathon-lb', 'nginx'])
    expect(await repositories()).toEqual([{ name: 'Universe', uri: pathToFileURL(SHARED_UNIVERSE).href }])
    const r = await http.install('marathon-lb')
    expect(r.status).toBe(200)
    expect((await appLabels('marathon-lb')).DCOS_PACKAGE_SOURCE).toBe(pathToFileURL(SHARED_UNIVERSE).href)
  })

  it('loads a folder in the source-tree repo/packages/<L>/<name>/<rev>/ layout', async () => {
    await serveWithUniverse(DEMO_UNIVERSE_DIR)
    expect(await search()).toContain('hdfs')
  })

  it('loads a repository JSON file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-universe-'))
    const file = join(dir, 'repo.json')
    writeFileSync(file, demoRepoJson((n) => n === 'hdfs' || n === 'nginx'))
    await serveWithUniverse(file)
    expect(await search()).toEqual(['hdfs', 'nginx'])
    const r = await http.install('nginx')
    expect(r.status).toBe(200)
    expect((await appLabels('nginx')).DCOS_PACKAGE_SOURCE).toBe(pathToFileURL(file).href)
    const missing = await http.install('kafka')
    expect(missing.json).toMatchObject({ type: 'PackageNotFound' })
  })

  it('fetches a repository JSON over HTTP with the Accept header Cosmos sends', async () => {
    const seen: IncomingHttpHeaders[] = []
    const body = demoRepoJson((n) => n === 'kafka' || n === 'hello-world')
    const server = createServer((req, res) => {
      seen.push(req.headers)
      if (req.url !== '/repo.json') {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'Content-Type': V4_REPO }).end(body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo.json`
    await serveWithUniverse(url)
    // The fetch is real network I/O: wait for it in wall time, not on the virtual clock.
    for (let i = 0; i < 100 && (await search()).length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    expect(await search()).toEqual(['hello-world', 'kafka'])
    expect(seen[0]!.accept).toBe(
      'application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5,application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4,application/vnd.dcos.universe.repo+json;charset=utf-8;version=v3',
    )
    expect(await repositories()).toEqual([{ name: 'Universe', uri: url }])
    const r = await http.install('hello-world')
    expect(r.status).toBe(200)
    expect((await appLabels('hello-world')).DCOS_PACKAGE_SOURCE).toBe(url)
  })
})

describe('/package/resource', () => {
  it('serves a bundled icon for a URL a package declares, with the file name as attachment', async () => {
    served = await serveCluster({ agents: 3, empty: true })
    const r = await http.cosmos('/package/search', pkgType('search-request'), pkgType('search-response'), { query: 'hdfs' })
    const icon = (r.json.packages as Array<{ images: { 'icon-small': string } }>)[0]!.images['icon-small']
    expect(icon).toBe(`${served.baseUrl}/package/resource?url=${encodeURIComponent('https://downloads.mesosphere.com/assets/universe/000/hdfs-icon-small.png')}`)
    const res = await fetch(icon)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="hdfs-icon-small.png"')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
  })

  it('refuses URLs no package declares (Forbidden, 403) and never fetches them', async () => {
    served = await serveCluster({ agents: 3, empty: true })
    const res = await fetch(`${served.baseUrl}/package/resource?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data')}`)
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toBe(pkgType('error'))
    expect(((await res.json()) as { type: string }).type).toBe('Forbidden')
  })

  it('answers 404 in the Cosmos envelope for a declared URL without a bundled copy, and not_present without url', async () => {
    served = await serveCluster({ agents: 3, empty: true })
    const asset = 'https://downloads.mesosphere.com/hdfs/assets/hadoop-3.2.1.tar.gz'
    const res = await fetch(`${served.baseUrl}/package/resource?url=${encodeURIComponent(asset)}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe(pkgType('error'))
    expect(await res.json()).toMatchObject({ type: 'GenericHttpError', data: { uri: asset, status: 404 } })
    const none = await fetch(`${served.baseUrl}/package/resource`)
    expect(none.status).toBe(400)
    expect(await none.json()).toMatchObject({ type: 'not_present', data: { invalidItem: { type: 'param', name: 'url' } } })
  })
})
