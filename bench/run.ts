/**
 * `pnpm bench`: end-to-end benchmarks of the console at 100, 1,000 and 10,000 agents (10 tasks
 * per agent: as many Marathon apps as agents, 10 instances each). Per size it starts the
 * embedded cluster and the built BFF as separate processes, measures them over HTTP like a
 * browser would, and writes bench/results/latest.{md,json} (a subset of sizes writes
 * bench/results/quick.{md,json} instead, so a quick run does not replace the committed one).
 *
 *   pnpm bench                        all three sizes, browser metrics at 10,000
 *   pnpm bench -- --sizes 100,1000    a quick run (browser metrics at the largest size given)
 *   pnpm bench -- --no-browser        skip Chromium
 *   pnpm bench -- --build             rebuild the SPA and the BFF even when their dist is fresh
 *
 * The SPA (apps/web/dist) and the BFF (apps/bff/dist) are rebuilt first whenever their dist is
 * missing or older than their sources (bench/lib/build-freshness.ts), so a run never measures a
 * stale build.
 *
 * The vitest micro benchmarks (`*.bench.ts`) are `pnpm bench:micro`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { bundles as measureBundles } from './lib/browser-adapter.ts'
import { BUILDS, staleReason } from './lib/build-freshness.ts'
import { renderMarkdown } from './lib/render-markdown.ts'
import type { BenchReport, BuildStep, PhaseSettings, RouteBundleSummary, SizeResult } from './lib/result-types.ts'
import { runSize } from './lib/run-size.ts'
import { checkTargets } from './lib/targets.ts'

const ALL_SIZES = [100, 1000, 10_000]

/**
 * Samples per phase. At 10,000 agents each view request moves ~4 MB and each state poll 105 MB,
 * so the view phase gets a shorter wall-time budget (the request count is what the budget allows,
 * shown as n= in the report) to keep a full run well under 15 minutes on 2 cores.
 */
function phasesFor(agents: number): PhaseSettings {
  return agents >= 10_000
    ? { viewRequests: 200, viewBudgetMs: 20_000, changeSamples: 40, idleWindowMs: 30_000, costWindowMs: 15_000 }
    : { viewRequests: 200, viewBudgetMs: 30_000, changeSamples: 40, idleWindowMs: 30_000, costWindowMs: 15_000 }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
  },
})
const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : ALL_SIZES
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000)) throw new Error(`--sizes takes agent counts 1..20000, got "${values.sizes}"`)
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`)

const started = performance.now()
const loadAverageAtStart = os.loadavg()
const webDist = path.join(root, 'apps/web/dist')
const builds: BuildStep[] = []
for (const b of BUILDS) {
  const reason = values.build ? '--build' : staleReason(root, b)
  if (reason === undefined) {
    builds.push({ app: b.app, rebuilt: false, reason: 'up to date' })
    continue
  }
  log(`building ${b.app}: ${reason}`)
  execFileSync('pnpm', ['--filter', b.filter, 'build'], { cwd: root, stdio: 'inherit' })
  builds.push({ app: b.app, rebuilt: true, reason })
}
// Browser metrics at 10,000 agents, or at the largest size of a quick run.
const browserSize = Math.max(...sizes)

const errors: string[] = []
let bundles: RouteBundleSummary[] = []
const browser = !values['no-browser']
if (browser) {
  try {
    bundles = await measureBundles(webDist)
  } catch (err) {
    errors.push(`initial JS per route: ${(err as Error).message.split('\n')[0]}`)
  }
}

// The children's full output, per size (the BFF's includes each failed upstream request and its cause).
const logDir = path.join(os.tmpdir(), `meridian-bench-${new Date().toISOString().replace(/[:.]/g, '-')}`)
mkdirSync(logDir, { recursive: true })
log(`cluster and BFF logs: ${logDir}`)
const results: SizeResult[] = []
const browserRaw: Record<number, unknown> = {}
for (const agents of sizes) {
  const run = await runSize({
    root,
    agents,
    phases: phasesFor(agents),
    browser: browser && agents === browserSize,
    logDir,
    log: (m) => log(`${agents}: ${m}`),
  }).catch((err: Error) => {
    errors.push(`${agents} agents: run aborted: ${err.message.split('\n')[0]}`)
    log(`${agents}: aborted: ${err.message}`)
    return undefined
  })
  if (!run) continue
  const { result, browserRaw: raw } = run
  results.push(result)
  if (raw !== undefined) browserRaw[agents] = raw
  log(`${agents}: done`)
}

const report: BenchReport = {
  runAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
  durationSeconds: Math.round((performance.now() - started) / 1000),
  logDir,
  builds,
  sizes: results,
  bundles,
  targets: checkTargets(results, bundles),
  errors,
}
const full = ALL_SIZES.every((s) => sizes.includes(s))
const outDir = path.join(root, 'bench/results')
mkdirSync(outDir, { recursive: true })
const name = full ? 'latest' : 'quick'
writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify({ ...report, browserRaw }, null, 2)}\n`)
const md = renderMarkdown(report)
writeFileSync(path.join(outDir, `${name}.md`), md)
console.log(`\n${md}`)
log(`wrote bench/results/${name}.md and ${name}.json in ${report.durationSeconds} s`)
