/**
 * Whether a build output is older than its sources, so `pnpm bench` never measures a stale
 * `apps/web/dist` or `apps/bff/dist`. Compares modification times: the oldest output against the
 * newest source file (directories are walked; tests, benches and build/dependency folders are
 * not part of a bundle and are skipped).
 */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export interface BuildTarget {
  /** e.g. `apps/web` */
  app: string
  /** root-relative files the build writes; all must exist */
  outputs: string[]
  /** root-relative files or directories the build reads */
  sources: string[]
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.tsbuild', '.vite', 'coverage'])
const SKIP_FILE = /\.(test|bench)\.[cm]?tsx?$/

/** Newest modification time under `p` (a file or a directory), with the file it belongs to. */
export function newestFile(p: string): { file: string; mtimeMs: number } | undefined {
  let st
  try {
    st = statSync(p)
  } catch {
    return undefined
  }
  if (!st.isDirectory()) return SKIP_FILE.test(p) ? undefined : { file: p, mtimeMs: st.mtimeMs }
  let newest: { file: string; mtimeMs: number } | undefined
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue
    const n = newestFile(path.join(p, e.name))
    if (n && (!newest || n.mtimeMs > newest.mtimeMs)) newest = n
  }
  return newest
}

/** Why `target` must be rebuilt (a missing output, or the newest source newer than it), or undefined when it is fresh. */
export function staleReason(root: string, target: BuildTarget): string | undefined {
  let oldest: { file: string; mtimeMs: number } | undefined
  for (const out of target.outputs) {
    let mtimeMs: number
    try {
      mtimeMs = statSync(path.join(root, out)).mtimeMs
    } catch {
      return `${out} is missing`
    }
    if (!oldest || mtimeMs < oldest.mtimeMs) oldest = { file: out, mtimeMs }
  }
  if (!oldest) throw new Error(`${target.app}: no build outputs listed`)
  for (const src of target.sources) {
    const n = newestFile(path.join(root, src))
    if (n && n.mtimeMs > oldest.mtimeMs) return `${path.relative(root, n.file)} is newer than ${oldest.file}`
  }
  return undefined
}

/** The console's two builds (`pnpm build` runs both) and what each one bundles. */
export const BUILDS: readonly (BuildTarget & { filter: string })[] = [
  {
    app: 'apps/web',
    filter: '@meridian/web',
    outputs: ['apps/web/dist/index.html', 'apps/web/dist/.vite/manifest.json'],
    sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/public', 'apps/web/vite.config.ts', 'apps/web/package.json', 'packages/api/src', 'packages/api/package.json', 'pnpm-lock.yaml'],
  },
  {
    app: 'apps/bff',
    filter: '@meridian/bff',
    outputs: ['apps/bff/dist/server.js'],
    // server.ts bundles the embedded cluster (@meridian/cluster) too.
    sources: ['apps/bff/src', 'apps/bff/package.json', 'packages/api/src', 'packages/api/package.json', 'packages/cluster/src', 'packages/cluster/package.json', 'pnpm-lock.yaml'],
  },
]
