/**
 * The embedded Cosmos: its repositories (the shipped demo Universe, or MERIDIAN_UNIVERSE), the
 * installer that drives Marathon over HTTP, and the RPC routes.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Hono } from 'hono'
import type { SimClock } from '../sim/clock.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import { MarathonClient, type FetchLike } from './marathon-client.ts'
import { PackageInstaller } from './package-installer.ts'
import { packageRoutes } from './routes/package-routes.ts'
import { loadRepository, loadUniverseFolder } from './universe/load-repository.ts'
import { RepositoryRegistry } from './universe/repository-registry.ts'

/** The demo Universe shipped with the project (real source-tree layout). */
export const DEMO_UNIVERSE_DIR = demoUniverseDir()

function demoUniverseDir(): string {
  const beside = fileURLToPath(new URL('../../universe/', import.meta.url))
  if (existsSync(beside)) return beside
  // Bundled into the BFF's dist/server.js: find the workspace package on disk instead.
  const pkg = createRequire(import.meta.url).resolve('@meridian/cluster/package.json')
  return path.join(path.dirname(pkg), 'universe')
}

export interface CosmosOptions {
  /** requests to the cluster's own origin, e.g. `(path, init) => app.request(path, init)` */
  fetch: FetchLike
  clock: SimClock
  master: MesosMaster
  /** MERIDIAN_UNIVERSE: a Universe folder, a repository JSON file, or an http(s) URL */
  universe?: string
  /** accept file: URIs in package/repository/add (tests only; real Cosmos takes http(s)) */
  allowFileRepositories?: boolean
}

export interface EmbeddedCosmos {
  app: Hono
  registry: RepositoryRegistry
  /** resolves once a remote MERIDIAN_UNIVERSE has been fetched (immediately for local ones) */
  ready: Promise<void>
}

export function createCosmos(opts: CosmosOptions): EmbeddedCosmos {
  const registry = new RepositoryRegistry()
  let ready: Promise<void> = Promise.resolve()
  const source = opts.universe
  if (source && /^https?:\/\//i.test(source)) {
    ready = loadRepository(source).then(
      (packages) => registry.insert({ name: 'Universe', uri: source, packages }, 0),
      (err: unknown) => console.error('[cosmos] could not load MERIDIAN_UNIVERSE', err),
    )
  } else if (source) {
    const uri = source.startsWith('file:') ? source : pathToFileURL(source).href
    ready = loadRepository(uri).then(
      (packages) => registry.insert({ name: 'Universe', uri, packages }, 0),
      (err: unknown) => console.error('[cosmos] could not load MERIDIAN_UNIVERSE', err),
    )
  } else {
    registry.insert({ name: 'Universe', uri: pathToFileURL(DEMO_UNIVERSE_DIR).href, packages: loadUniverseFolder(DEMO_UNIVERSE_DIR) }, 0)
  }
  const marathon = new MarathonClient(opts.fetch)
  const installer = new PackageInstaller({
    registry,
    marathon,
    fetchPath: async (path) => opts.fetch(path),
    clock: opts.clock,
    master: opts.master,
  })
  return { app: packageRoutes(registry, installer, path.join(DEMO_UNIVERSE_DIR, 'images'), { allowFileRepositories: opts.allowFileRepositories === true }), registry, ready }
}
