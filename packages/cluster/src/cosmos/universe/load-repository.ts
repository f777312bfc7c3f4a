/**
 * Loads a Universe repository, either from a source tree (`repo/packages/<L>/<name>/<rev>/`,
 * or the flattened `packages/<name>/<rev>/` of shared/universe) the way `gen_universe.py`
 * builds `universe.json`, or from a repository JSON (`{"packages": [...]}`, v3/v4/v5) on disk
 * or over HTTP(S).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkPackageDefinition, type PackageDefinition } from './package-definition.ts'

/** Accept header real Cosmos sends when fetching a repository (highest version first). */
export const REPOSITORY_ACCEPT = [
  'application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5',
  'application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4',
  'application/vnd.dcos.universe.repo+json;charset=utf-8;version=v3',
].join(',')

export class RepositoryLoadError extends Error {
  constructor(
    message: string,
    readonly kind: 'connection' | 'format' | 'unsupported',
  ) {
    super(message)
  }
}

/** Builds the package objects of one revision folder exactly as gen_universe.py does. */
export function loadRevisionFolder(dir: string, releaseVersion: number): PackageDefinition {
  const readJson = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'))
  const pkg: Record<string, unknown> = { ...(readJson('package.json') as Record<string, unknown>), releaseVersion }
  if (existsSync(join(dir, 'resource.json'))) pkg.resource = readJson('resource.json')
  // The template is embedded as base64 of its raw bytes; it is never parsed or re-serialised.
  if (existsSync(join(dir, 'marathon.json.mustache'))) {
    pkg.marathon = { v2AppMustacheTemplate: readFileSync(join(dir, 'marathon.json.mustache')).toString('base64') }
  }
  if (existsSync(join(dir, 'config.json'))) pkg.config = readJson('config.json')
  if (existsSync(join(dir, 'command.json'))) pkg.command = readJson('command.json')
  const bad = checkPackageDefinition(pkg)
  if (bad) throw new RepositoryLoadError(`${dir}: ${bad}`, 'format')
  return pkg as unknown as PackageDefinition
}

/** Walks a source tree: every `<name>/<int>/package.json` is one revision. */
export function loadUniverseFolder(root: string): PackageDefinition[] {
  const out: PackageDefinition[] = []
  const walk = (dir: string, depth: number): void => {
    if (depth > 5) return
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry)
      if (!statSync(full).isDirectory()) continue
      if (/^\d+$/.test(entry) && existsSync(join(full, 'package.json'))) out.push(loadRevisionFolder(full, Number(entry)))
      else walk(full, depth + 1)
    }
  }
  walk(root, 0)
  if (out.length === 0) throw new RepositoryLoadError(`No packages found under ${basename(root)}`, 'format')
  return out
}

export function parseRepositoryJson(text: string): PackageDefinition[] {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (err) {
    throw new RepositoryLoadError(`Repository is not JSON: ${(err as Error).message}`, 'format')
  }
  const packages = (body as { packages?: unknown }).packages
  if (!Array.isArray(packages)) throw new RepositoryLoadError('Repository JSON has no packages array', 'format')
  packages.forEach((p, i) => {
    const bad = checkPackageDefinition(p)
    if (bad) throw new RepositoryLoadError(`packages[${i}]: ${bad}`, 'format')
  })
  return packages as PackageDefinition[]
}

function loadLocal(path: string): PackageDefinition[] {
  if (!existsSync(path)) throw new RepositoryLoadError(`${path} does not exist`, 'connection')
  return statSync(path).isDirectory() ? loadUniverseFolder(path) : parseRepositoryJson(readFileSync(path, 'utf8'))
}

const REPOSITORY_FETCH_TIMEOUT_MS = 15_000

/** Loads a repository from a local path, a file: URI, or an http(s) URL of a repository JSON. */
export async function loadRepository(uri: string, fetchImpl: typeof fetch = fetch): Promise<PackageDefinition[]> {
  if (uri.startsWith('file:')) return loadLocal(fileURLToPath(uri))
  if (/^https?:\/\//i.test(uri)) {
    let res: Response
    try {
      // Bounded: a slow or endless repository must not hold the request (Cosmos times out too).
      res = await fetchImpl(uri, { headers: { Accept: REPOSITORY_ACCEPT }, signal: AbortSignal.timeout(REPOSITORY_FETCH_TIMEOUT_MS) })
    } catch (err) {
      throw new RepositoryLoadError(`Could not access data at URI ${uri}: ${(err as Error).message}`, 'connection')
    }
    if (!res.ok) throw new RepositoryLoadError(`Could not access data at URI ${uri}: HTTP ${res.status}`, 'connection')
    return parseRepositoryJson(await res.text())
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) throw new RepositoryLoadError(`Repository URI [${uri}] uses an unsupported scheme`, 'unsupported')
  return loadLocal(uri)
}
