import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const serve = path.join(import.meta.dirname, 'serve.sh')

/** Runs serve.sh with `node -p <expr>` in front of the script (which `-p` then leaves unrun). */
function run(env: Record<string, string>, expr = "require('v8').getHeapStatistics().heap_size_limit") {
  const { DCOS_URL: _d, MERIDIAN_BFF_HEAP_MB: _m, ...rest } = process.env
  return spawnSync('bash', [serve, '-p', expr], { env: { ...rest, ...env }, encoding: 'utf8' })
}
const heapMb = (out: string) => Number(out.trim()) / 2 ** 20

describe('bin/serve.sh', () => {
  it('caps the V8 heap at 1024 MB when the BFF runs alone in front of a cluster', () => {
    const r = run({ DCOS_URL: 'http://cluster.test' })
    expect(r.status, r.stderr).toBe(0)
    // heap_size_limit = old space + young generation
    expect(heapMb(r.stdout)).toBeGreaterThanOrEqual(1024)
    expect(heapMb(r.stdout)).toBeLessThan(1200)
  })

  it('takes the cap from MERIDIAN_BFF_HEAP_MB', () => {
    const r = run({ DCOS_URL: 'http://cluster.test', MERIDIAN_BFF_HEAP_MB: '512' })
    expect(r.status, r.stderr).toBe(0)
    expect(heapMb(r.stdout)).toBeGreaterThanOrEqual(512)
    expect(heapMb(r.stdout)).toBeLessThan(700)
  })

  it('sets no cap with the embedded cluster in the same process', () => {
    const capped = heapMb(run({ DCOS_URL: 'http://cluster.test' }).stdout)
    const r = run({})
    expect(r.status, r.stderr).toBe(0)
    expect(heapMb(r.stdout)).toBe(heapMb(spawnSync(process.execPath, ['-p', "require('v8').getHeapStatistics().heap_size_limit"], { encoding: 'utf8' }).stdout))
    expect(heapMb(r.stdout)).not.toBe(capped)
  })

  it('refuses a cap that is not a whole number of at least 256 MB, without starting', () => {
    for (const bad of ['lots', '1e3', '100', '-1']) {
      const r = run({ DCOS_URL: 'http://cluster.test', MERIDIAN_BFF_HEAP_MB: bad })
      expect(r.status).toBe(2)
      expect(r.stderr).toContain('MERIDIAN_BFF_HEAP_MB must be a whole number of megabytes, at least 256')
      expect(r.stdout).toBe('')
    }
  })
})
