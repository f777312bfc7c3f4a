/**
 * package/repository/add under concurrency: the repository fetch yields, so two adds with the
 * same name (or URI) in flight together must not both pass the duplicate check.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CosmosError } from './errors.ts'
import { addRepository } from './repository-admin.ts'
import { RepositoryRegistry } from './universe/repository-registry.ts'

let server: Server
let base: string
beforeAll(async () => {
  // A repository host that answers after 50 ms: both adds are mid-fetch at the same time.
  server = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4' })
      res.end(JSON.stringify({ packages: [] }))
    }, 50)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
})

const kindOf = (r: PromiseSettledResult<void>) => (r.status === 'fulfilled' ? 'added' : r.reason instanceof CosmosError ? r.reason.type : String(r.reason))

describe('addRepository', () => {
  it('of two concurrent adds with the same name, exactly one lands; the other gets RepositoryAlreadyPresent', async () => {
    const registry = new RepositoryRegistry()
    const results = await Promise.allSettled([addRepository(registry, { name: 'extra', uri: `${base}/a.json` }), addRepository(registry, { name: 'extra', uri: `${base}/b.json` })])
    expect(results.map(kindOf).sort()).toEqual(['RepositoryAlreadyPresent', 'added'])
    expect(registry.list()).toEqual([{ name: 'extra', uri: `${base}/a.json` }])
  })

  it('the same holds for two names on one URI', async () => {
    const registry = new RepositoryRegistry()
    const results = await Promise.allSettled([addRepository(registry, { name: 'one', uri: `${base}/same.json` }), addRepository(registry, { name: 'two', uri: `${base}/same.json` })])
    expect(results.map(kindOf).sort()).toEqual(['RepositoryAlreadyPresent', 'added'])
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as CosmosError
    expect(rejected.message).toBe(`Repository URI [${base}/same.json] already exists`)
    expect(registry.list().map((r) => r.name)).toEqual(['one'])
  })

  it('a failed add frees its name for the next attempt', async () => {
    const registry = new RepositoryRegistry()
    await expect(addRepository(registry, { name: 'later', uri: 'http://127.0.0.1:1/unreachable.json' })).rejects.toMatchObject({ type: 'RepositoryUriConnection' })
    await expect(addRepository(registry, { name: 'later', uri: 'ftp://example.invalid/repo' })).rejects.toMatchObject({ type: 'UnsupportedRepositoryUri' })
    await addRepository(registry, { name: 'later', uri: `${base}/later.json` })
    expect(registry.list()).toEqual([{ name: 'later', uri: `${base}/later.json` }])
  })

  it('concurrent adds with distinct names both land, each at the index it asked for or the end', async () => {
    const registry = new RepositoryRegistry()
    await Promise.all([addRepository(registry, { name: 'x', uri: `${base}/x.json`, index: 0 }), addRepository(registry, { name: 'y', uri: `${base}/y.json`, index: 0 })])
    expect(registry.list().map((r) => r.name).sort()).toEqual(['x', 'y'])
  })
})
