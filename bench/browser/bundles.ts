/**
 * SPA initial JS per route, from the real chunk graph: Vite's build manifest
 * (`apps/web/vite.config.ts` sets `build.manifest`) and the route table in
 * `apps/web/src/app/routes.tsx`. A route's initial JS is what the browser must fetch before the
 * page can render on a cold load: the entry chunk and its static imports, plus the route's lazy
 * chunk and its static imports (dynamic imports inside a page load later and are not counted).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

/** One chunk in `.vite/manifest.json` (the fields used here). */
export interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
}
export type ViteManifest = Record<string, ManifestChunk>

export interface RouteBundle {
  /** URL path of the route, e.g. `/nodes` (parameters as in the route table: `/nodes/:id`) */
  route: string
  /** Sum of the gzip sizes (level 9, as `vite build` reports) of `files`. */
  initialJsGzipBytes: number
  initialJsRawBytes: number
  /** dist-relative files: entry chunk + static imports + the route's chunk + its static imports */
  files: string[]
}

/** A lazy route: its path and the module (relative to apps/web, e.g. `src/features/...`) it loads. */
export interface LazyRoute {
  route: string
  module: string
}

const ALIASES: Record<string, string> = { '#features/': 'src/features/', '#shared/': 'src/shared/', '#app/': 'src/app/' }

/**
 * Reads the lazy routes from routes.tsx source: each `{ path: 'x', lazy: … import('…') }` or
 * `{ index: true, lazy: … }` child of the root layout. Relative imports resolve against `src/app/`.
 */
export function parseLazyRoutes(routesSource: string): LazyRoute[] {
  const out: LazyRoute[] = []
  const re = /\{\s*(?:path:\s*'([^']*)'|index:\s*true)\s*,\s*lazy:[^}]*?import\(\s*'([^']+)'\s*\)/g
  for (const m of routesSource.matchAll(re)) {
    const spec = m[2]!
    const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a))
    const module = alias ? ALIASES[alias] + spec.slice(alias.length) : path.posix.join('src/app', spec)
    out.push({ route: m[1] === undefined ? '/' : `/${m[1]}`, module })
  }
  return out
}

/** The chunk key and its static imports, transitively, in first-seen order. */
function staticClosure(manifest: ViteManifest, key: string, seen: Set<string>): void {
  if (seen.has(key)) return
  const chunk = manifest[key]
  if (!chunk) throw new Error(`build manifest has no chunk ${key}`)
  seen.add(key)
  for (const imp of chunk.imports ?? []) staticClosure(manifest, imp, seen)
}

/** Dist-relative JS files a cold load of `route` fetches before rendering it. */
export function routeInitialFiles(manifest: ViteManifest, route: LazyRoute): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)
  if (!entry) throw new Error('build manifest has no entry chunk')
  if (!manifest[route.module]) throw new Error(`build manifest has no chunk for ${route.route} (${route.module})`)
  const keys = new Set<string>()
  staticClosure(manifest, entry, keys)
  staticClosure(manifest, route.module, keys)
  return [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'))
}

/**
 * Initial JS per route for a built SPA. `webDistDir` is apps/web/dist; the route table is read
 * from `routesFile` (default: apps/web/src/app/routes.tsx beside that dist).
 */
export async function measureBundles(webDistDir: string, routesFile = path.join(webDistDir, '..', 'src', 'app', 'routes.tsx')): Promise<RouteBundle[]> {
  const manifestPath = path.join(webDistDir, '.vite', 'manifest.json')
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8').catch(() => {
    throw new Error(`${manifestPath} not found: build the web app with build.manifest enabled (pnpm --filter @meridian/web build)`)
  })) as ViteManifest
  const routes = parseLazyRoutes(await readFile(routesFile, 'utf8'))
  if (routes.length === 0) throw new Error(`no lazy routes found in ${routesFile}`)
  const sizes = new Map<string, { raw: number; gzip: number }>()
  const sizeOf = async (file: string) => {
    let s = sizes.get(file)
    if (!s) {
      const buf = await readFile(path.join(webDistDir, file))
      s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length }
      sizes.set(file, s)
    }
    return s
  }
  const out: RouteBundle[] = []
  for (const r of routes) {
    const files = routeInitialFiles(manifest, r)
    let raw = 0
    let gzip = 0
    for (const f of files) {
      const s = await sizeOf(f)
      raw += s.raw
      gzip += s.gzip
    }
    out.push({ route: r.route, initialJsGzipBytes: gzip, initialJsRawBytes: raw, files })
  }
  return out
}
