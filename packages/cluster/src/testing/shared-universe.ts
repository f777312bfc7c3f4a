/**
 * Test support: the real Universe packages of `../shared/universe` (flattened layout
 * `packages/<name>/<rev>/`). Where that folder is not beside the checkout (a clone elsewhere),
 * the same six packages are taken from the demo repository, which ships them byte for byte,
 * and laid out flattened in a temporary folder — so the tests never skip.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The unmodified real packages (MANIFEST.md of shared/universe). */
export const SHARED_PACKAGES = ['kafka', 'cassandra', 'hello-world', 'marathon-lb', 'jenkins', 'nginx'] as const

let cached: string | undefined

/** A folder holding `packages/<name>/<rev>/` for every package in {@link SHARED_PACKAGES}. */
export function sharedUniverseDir(): string {
  if (cached) return cached
  const candidates = [process.env.MERIDIAN_SHARED_UNIVERSE, resolve(import.meta.dirname, '../../../../../shared/universe')]
  for (const dir of candidates) if (dir && existsSync(join(dir, 'packages', 'kafka'))) return (cached = dir)
  const demo = resolve(import.meta.dirname, '../../universe/repo/packages')
  const out = mkdtempSync(join(tmpdir(), 'meridian-shared-universe-'))
  for (const letter of readdirSync(demo)) {
    for (const name of readdirSync(join(demo, letter))) {
      if ((SHARED_PACKAGES as readonly string[]).includes(name)) cpSync(join(demo, letter, name), join(out, 'packages', name), { recursive: true })
    }
  }
  return (cached = out)
}
