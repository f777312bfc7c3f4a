// Sums vitest and Playwright results and failed non-test steps into the one line CI reads:
// "N passed, N failed". Exit code 1 when anything failed or nothing passed.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const logs = process.argv[2] ?? '.ci-logs'
const read = (f) => {
  const p = path.join(logs, f)
  if (!existsSync(p)) return undefined
  try {
    return JSON.parse(readFileSync(p, 'utf8'))
  } catch {
    return undefined
  }
}

let passed = 0
let failed = 0
const vitest = read('vitest.json')
if (vitest) {
  passed += vitest.numPassedTests ?? 0
  failed += vitest.numFailedTests ?? 0
}
const pw = read('playwright.json')
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0)
  failed += pw.stats.unexpected ?? 0
}
// A failed step whose own report counted its failures is not counted again; any other failed
// step (install, typecheck, lint, build, a runner that crashed before reporting) counts as one.
const stepsFile = path.join(logs, 'steps.txt')
const steps = existsSync(stepsFile) ? readFileSync(stepsFile, 'utf8').trim().split('\n').filter(Boolean) : []
for (const line of steps) {
  const [name, status] = line.split(' ')
  if (status !== 'fail') continue
  if (name === 'unit' && vitest && (vitest.numFailedTests ?? 0) > 0) continue
  if (name === 'e2e' && pw?.stats && (pw.stats.unexpected ?? 0) > 0) continue
  failed += 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
