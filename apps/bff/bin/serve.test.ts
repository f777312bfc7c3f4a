import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const serve = path.join(import.meta.dirname, 'serve.sh')

/** Runs serve.sh with `node -p <expr>` in front of the script (which `-p` then leaves unrun). */
function run(env: Record<string, string>, expr = "require('v8').getHeapStatistics().heap_size_limit") {
  const { DCOS_URL: _d, MERIDIAN_BFF_HEAP_MB: _m, NODE_OPTIONS: _o, ...rest } = process.env
  // The node running the tests first on PATH, so both sides of a comparison are the same node.
  const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`
  return spawnSync('bash', [serve, '-p', expr], { env: { ...rest, PATH, ...env }, encoding: 'utf8' })
}
const heapMb = (out: string) => Number(out.trim()) / 2 ** 20

describe('bin/serve.sh', () => {
  it('caps the V8 heap at 1024 MB when the BFF runs alone in front of a cluster (also with the variable empty)', () => {
    const envs: Array<Record<string, string>> = [{ DCOS_URL: 'http://cluster.test' }, { DCOS_URL: 'http://cluster.test', MERIDIAN_BFF_HEAP_MB: '' }]
    for (const env of envs) {
      const r = run(env)
      expect(r.status, r.stderr).toBe(0)
      // heap_size_limit = old space + young generation
      expect(heapMb(r.stdout)).toBeGreaterThanOrEqual(1024)
      expect(heapMb(r.stdout)).toBeLessThan(1200)
    }
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

  it('leaves the heap to NODE_OPTIONS when it sets --max-old-space-size', () => {
    const r = run({ DCOS_URL: 'http://cluster.test', NODE_OPTIONS: '--max-old-space-size=700' })
    expect(r.status, r.stderr).toBe(0)
    expect(heapMb(r.stdout)).toBeGreaterThanOrEqual(700)
    expect(heapMb(r.stdout)).toBeLessThan(900)
  })

  it('refuses a cap that is not a whole number from 256 MB, without starting', () => {
    for (const bad of ['lots', '1e3', '100', '-1', '08', '0999', '99999999999999999999']) {
      const r = run({ DCOS_URL: 'http://cluster.test', MERIDIAN_BFF_HEAP_MB: bad })
      expect(r.status, bad).toBe(2)
      expect(r.stderr).toContain('MERIDIAN_BFF_HEAP_MB must be a whole number of megabytes from 256 to 9999999')
      expect(r.stdout).toBe('')
    }
  })
})
