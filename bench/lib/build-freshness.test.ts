import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newestFile, staleReason, type BuildTarget } from './build-freshness.ts'

let root: string
const T0 = new Date('2026-01-01T00:00:00Z')
const at = (sec: number) => new Date(T0.getTime() + sec * 1000)

function file(rel: string, sec: number): void {
  const p = path.join(root, rel)
  mkdirSync(path.dirname(p), { recursive: true })
  writeFileSync(p, rel)
  utimesSync(p, at(sec), at(sec))
}

const target: BuildTarget = { app: 'apps/x', outputs: ['apps/x/dist/a.js', 'apps/x/dist/.vite/manifest.json'], sources: ['apps/x/src', 'apps/x/package.json', 'apps/x/public'] }

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'bench-fresh-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('staleReason', () => {
  it('is fresh when every output is newer than every source (missing optional sources ignored)', () => {
    file('apps/x/src/a.ts', 10)
    file('apps/x/src/deep/b.ts', 20)
    file('apps/x/package.json', 5)
    file('apps/x/dist/a.js', 30)
    file('apps/x/dist/.vite/manifest.json', 30)
    expect(staleReason(root, target)).toBeUndefined()
  })

  it('names a missing output', () => {
    file('apps/x/src/a.ts', 10)
    file('apps/x/dist/a.js', 30)
    expect(staleReason(root, target)).toBe('apps/x/dist/.vite/manifest.json is missing')
  })

  it('names the newest source when it is newer than the oldest output', () => {
    file('apps/x/src/a.ts', 10)
    file('apps/x/src/deep/b.ts', 40)
    file('apps/x/dist/a.js', 30)
    file('apps/x/dist/.vite/manifest.json', 50)
    expect(staleReason(root, target)).toBe('apps/x/src/deep/b.ts is newer than apps/x/dist/a.js')
  })

  it('ignores tests, benches and node_modules under the sources', () => {
    file('apps/x/src/a.ts', 10)
    file('apps/x/src/a.test.ts', 99)
    file('apps/x/src/a.bench.ts', 99)
    file('apps/x/src/node_modules/pkg/index.js', 99)
    file('apps/x/dist/a.js', 30)
    file('apps/x/dist/.vite/manifest.json', 30)
    expect(staleReason(root, target)).toBeUndefined()
    expect(newestFile(path.join(root, 'apps/x/src'))?.file).toBe(path.join(root, 'apps/x/src/a.ts'))
  })
})
