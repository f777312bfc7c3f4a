/** bench/results/latest.md: one column per cluster size, then the target checks. */
import type { BenchReport, BrowserSummary, BurstSummary, PageSummary, SizeResult } from './result-types.ts'
import type { Summary } from './stats.ts'

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–')
const ms = (n: number): string => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : int(n)) : '–')
const mb = (bytes: number): string => (!Number.isFinite(bytes) ? '–' : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`)
const lat = (s: Summary & { failed?: number }): string => `${s.n === 0 ? '–' : `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} (n=${s.n})`}${s.failed ? `, **${s.failed} failed**` : ''}`

type Row = [label: string, cell: (s: SizeResult) => string]

/** A browser row: '–' at sizes the browser did not run at. */
function browserCell<T>(pick: (b: BrowserSummary) => T | undefined, show: (v: T) => string): (s: SizeResult) => string {
  return (s) => {
    const v = s.browser ? pick(s.browser) : undefined
    return v === undefined ? '–' : show(v)
  }
}

function pageRows(name: string, pick: (b: BrowserSummary) => PageSummary | undefined): Row[] {
  return [
    [`${name} page: rows / data loaded / first row (ms from navigation)`, browserCell(pick, (p) => `${int(p.rows)} / ${ms(p.dataLoadedMs)} / ${ms(p.firstRowMs)}`)],
    [`${name} scroll: longest task wall / CPU (ms); tasks > 50 ms wall / CPU`, browserCell(pick, (p) => `${ms(p.scrollLongestTaskMs)} / ${ms(p.scrollLongestTaskCpuMs)}; ${int(p.scrollTasksOver50Ms)} / ${int(p.scrollTasksOver50MsCpu)} (scroll took ${ms(p.scrollDurationMs)} ms)`)],
  ]
}

function burstRows(name: string, pick: (b: BrowserSummary) => BurstSummary | undefined): Row[] {
  return [
    [
      `burst on ${name}: longest task wall / CPU; input → frame p95 / max (ms); deltas received`,
      browserCell(pick, (b) => `${ms(b.longestTaskMs)} / ${ms(b.longestTaskCpuMs)}; ${ms(b.inputToFrameP95Ms)} / ${ms(b.inputToFrameMaxMs)}; ${int(b.deltasReceived)} (${b.burstEndpoint ? `${int(b.ratePerSecond)}/s × ${b.seconds} s, ${int(b.updatesEmitted)} emitted` : 'no burst endpoint: normal traffic only'})`),
    ],
  ]
}

const ROWS: Row[] = [
  ['tasks (running)', (s) => int(s.tasks)],
  ['cluster seed (agents + load profile)', (s) => `${int(s.clusterSeedMs)} ms`],
  ['BFF ready: spawn → views answered after warm-up', (s) => `${int(s.bffReadyMs)} ms`],
  ['BFF resident memory: after warm-up / after load / max', (s) => `${int(s.bffRssMb.afterWarmup)} / ${int(s.bffRssMb.afterLoad)} / ${int(s.bffRssMb.max)} MB${s.bffRssMb.heapLimit !== undefined ? ` (V8 heap limit ${int(s.bffRssMb.heapLimit)} MB)` : ''}`],
  ['BFF resident memory, max per phase (MB)', (s) => Object.entries(s.bffRssMb.maxByPhase).map(([phase, mb]) => `${phase} ${int(mb)}`).join(' · ') || '–'],
  ['`GET /api/services` p50 / p95 / max (ms)', (s) => lat(s.latency.services)],
  ['`GET /api/nodes` p50 / p95 / max (ms)', (s) => lat(s.latency.nodes)],
  ['`GET /api/dashboard` p50 / p95 / max (ms)', (s) => lat(s.latency.dashboard)],
  ['response body: services / nodes / dashboard', (s) => `${mb(s.latency.services.bodyBytes)} / ${mb(s.latency.nodes.bodyBytes)} / ${mb(s.latency.dashboard.bodyBytes)}`],
  ['task change → `task.changed` on /api/events, p50 / p95 / max (ms)', (s) => `${lat(s.changeToDelta)}${s.changeToDelta.missed > 0 ? `, ${s.changeToDelta.missed} missed` : ''}${s.changeToDelta.post.n > 0 ? `; the POST itself ${ms(s.changeToDelta.post.p50)} / ${ms(s.changeToDelta.post.p95)} / ${ms(s.changeToDelta.post.max)}` : ''}`],
  ['idle browser: /api/events bytes per minute', (s) => `${mb(s.idle.sseBytesPerMinute)} (${int(s.idle.sseEvents)} events in ${s.idle.windowSeconds} s)`],
  ['polling `/mesos/master/state` every 2 s, bytes per minute', (s) => `${mb(s.idle.pollBytesPerMinute)} (${s.idle.polls} polls of ${mb(s.idle.stateBytes)}, p50 ${ms(s.idle.pollLatency.p50)} ms)`],
  ['polling ÷ SSE', (s) => (Number.isFinite(s.idle.ratio) ? `${int(s.idle.ratio)}×` : '–')],
  ['cluster CPU per simulated second (idle, BFF attached)', (s) => `${ms(s.clusterCost.cpuMsPerSimulatedSecond)} ms`],
  ...pageRows('Nodes', (b) => b.nodes),
  ...pageRows('Services', (b) => b.services),
  ...burstRows('Nodes', (b) => b.burst?.nodes),
  ...burstRows('Services', (b) => b.burst?.services),
  ['samples: view requests (budget per view) / change samples / idle window / cluster-cost window', (s) => `${s.phases.viewRequests} (${s.phases.viewBudgetMs / 1000} s) / ${s.phases.changeSamples} / ${s.phases.idleWindowMs / 1000} s / ${s.phases.costWindowMs / 1000} s`],
]

export function renderMarkdown(r: BenchReport): string {
  const lines: string[] = []
  lines.push(`# pnpm bench — ${r.runAt}`, '')
  lines.push(`Machine: ${r.machine.cpus} cores, Node ${r.machine.node}, load average at start ${r.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}, at end ${r.machine.loadAverageAtEnd.map((l) => l.toFixed(1)).join(' ')}. Run took ${int(r.durationSeconds)} s.`, '')
  lines.push(`Cluster and BFF logs of this run: \`${r.logDir}\`.`, '')
  if (r.builds.length > 0) lines.push(`Build: ${r.builds.map((b) => `${b.app} ${b.rebuilt ? `rebuilt (${b.reason})` : b.reason}`).join('; ')}.`, '')
  lines.push(`| metric | ${r.sizes.map((s) => `${int(s.agents)} agents`).join(' | ')} |`)
  lines.push(`|---|${r.sizes.map(() => '---').join('|')}|`)
  for (const [label, cell] of ROWS) lines.push(`| ${label} | ${r.sizes.map(cell).join(' | ')} |`)
  lines.push('')
  if (r.bundles.length > 0) {
    lines.push('## Initial JS per route', '', '| route | gzip | raw |', '|---|---|---|')
    for (const b of r.bundles) lines.push(`| \`${b.route}\` | ${(b.initialJsGzipBytes / 1024).toFixed(1)} KB | ${(b.initialJsRawBytes / 1024).toFixed(1)} KB |`)
    lines.push('')
  }
  lines.push('## Targets', '', '| size | metric | value | target | result | notes |', '|---|---|---|---|---|---|')
  for (const t of r.targets) lines.push(`| ${t.agents > 0 ? int(t.agents) : 'SPA'} | ${t.metric} | ${!Number.isFinite(t.value) ? '–' : Number.isInteger(t.value) ? int(t.value) : t.value.toFixed(1)} | ${t.target} | ${t.pass ? 'pass' : '**FAIL**'} | ${t.detail ?? ''} |`)
  const errors = [...r.errors, ...r.sizes.flatMap((s) => s.errors.map((e) => `${int(s.agents)} agents: ${e}`))]
  if (errors.length > 0) lines.push('', '## Not measured', '', ...errors.map((e) => `- ${e}`))
  const notes = r.sizes.flatMap((s) => s.notes.map((n) => `${int(s.agents)} agents: ${n}`))
  if (notes.length > 0) lines.push('', '## Notes', '', ...notes.map((n) => `- ${n}`))
  lines.push('')
  return lines.join('\n')
}
