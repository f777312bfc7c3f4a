/**
 * Issue #8's targets (stated for 10,000 agents / 100,000 tasks; checked at every size, since a
 * miss at a smaller size is a miss at the big one too). A metric that was not measured is left
 * out rather than passed.
 */
import type { RouteBundleSummary, SizeResult, TargetCheck } from './result-types.ts'

export const TARGETS = {
  viewP95Ms: 50,
  changeToDeltaP95Ms: 250,
  idleRatioMin: 50,
  bffRssMb: 600,
  initialJsGzipBytes: 250 * 1024,
  /** judged on the task's CPU time: on a shared machine wall time includes other processes' turns */
  scrollLongestTaskCpuMs: 50,
  /** "stays interactive" during 1,000 updates/s, read as RAIL's 100 ms input response */
  burstInputToFrameP95Ms: 100,
} as const

const below = (agents: number, metric: string, value: number, limit: number, unit: string): TargetCheck => ({
  agents,
  metric,
  value,
  target: `< ${limit} ${unit}`,
  pass: Number.isFinite(value) && value < limit,
})

export function checkTargets(sizes: readonly SizeResult[], bundles: readonly RouteBundleSummary[]): TargetCheck[] {
  const out: TargetCheck[] = []
  for (const s of sizes) {
    for (const view of ['services', 'nodes', 'dashboard'] as const) {
      const l = s.latency[view]
      // Failed requests are misses whatever the percentiles of the successful ones say.
      if (l.n > 0 || l.failed > 0) out.push({ ...below(s.agents, `GET /api/${view} p95`, l.n > 0 ? l.p95 : Number.NaN, TARGETS.viewP95Ms, 'ms'), ...(l.failed > 0 ? { pass: false } : {}) })
    }
    if (s.changeToDelta.n > 0 || s.changeToDelta.missed > 0) {
      const c = below(s.agents, 'task change → browser delta p95', s.changeToDelta.n > 0 ? s.changeToDelta.p95 : Number.NaN, TARGETS.changeToDeltaP95Ms, 'ms')
      // A change that never arrived is a miss whatever the percentiles say.
      out.push(s.changeToDelta.missed > 0 ? { ...c, pass: false, detail: `${s.changeToDelta.missed} of ${s.changeToDelta.attempted} changes never arrived (10 s timeout)` } : c)
    }
    if (s.idle.polls > 0) out.push({ agents: s.agents, metric: 'idle traffic: polling ÷ SSE', value: s.idle.ratio, target: `≥ ${TARGETS.idleRatioMin}×`, pass: s.idle.ratio >= TARGETS.idleRatioMin })
    out.push(below(s.agents, 'BFF resident memory (max)', s.bffRssMb.max, TARGETS.bffRssMb, 'MB'))
    const b = s.browser
    if (b?.nodes) {
      const n = b.nodes
      out.push({
        agents: s.agents,
        metric: 'Nodes scroll: longest main-thread task (CPU time)',
        value: n.scrollLongestTaskCpuMs,
        target: `≤ ${TARGETS.scrollLongestTaskCpuMs} ms`,
        pass: Number.isFinite(n.scrollLongestTaskCpuMs) && n.scrollLongestTaskCpuMs <= TARGETS.scrollLongestTaskCpuMs,
        detail: `wall ${Math.round(n.scrollLongestTaskMs)} ms; tasks > 50 ms: ${n.scrollTasksOver50MsCpu} CPU / ${n.scrollTasksOver50Ms} wall`,
      })
    }
    for (const page of ['nodes', 'services'] as const) {
      const r = b?.burst?.[page]
      // Without the burst endpoint the window saw only normal traffic: not a measurement of the target.
      if (!r?.burstEndpoint) continue
      out.push({
        ...below(s.agents, `${page === 'nodes' ? 'Nodes' : 'Services'} page: input → frame p95 during ${r.ratePerSecond}/s burst`, r.inputToFrameP95Ms, TARGETS.burstInputToFrameP95Ms, 'ms'),
        detail: `max ${Math.round(r.inputToFrameMaxMs)} ms, ${r.samples} samples, ${r.deltasReceived.toLocaleString('en-US')} deltas received`,
      })
    }
  }
  if (bundles.length > 0) {
    const worst = bundles.reduce((a, b) => (b.initialJsGzipBytes > a.initialJsGzipBytes ? b : a))
    out.push({ agents: 0, metric: `initial JS gzip, largest route (${worst.route})`, value: Math.round(worst.initialJsGzipBytes / 1024), target: `< ${TARGETS.initialJsGzipBytes / 1024} KB`, pass: worst.initialJsGzipBytes < TARGETS.initialJsGzipBytes })
  }
  return out
}
