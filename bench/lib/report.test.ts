import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './render-markdown.ts'
import type { BenchReport, BrowserSummary, BurstSummary, PageSummary, SizeResult } from './result-types.ts'
import { checkTargets } from './targets.ts'

const lat = (p95: number) => ({ n: 200, p50: p95 / 2, p95, max: p95 * 2, bodyBytes: 2_500_000, failed: 0 })
const kb = (k: number) => ({ route: '/nodes', initialJsGzipBytes: k * 1024, initialJsRawBytes: k * 3 * 1024 })

function size(agents: number, over: Partial<SizeResult> = {}): SizeResult {
  return {
    agents,
    services: agents,
    tasks: agents * 10,
    clusterSeedMs: 900,
    bffReadyMs: 2000,
    bffRssMb: { afterWarmup: 150, afterLoad: 180, max: 190, maxByPhase: { startup: 190, 'warm-up': 160, views: 180 } },
    latency: { services: lat(20), nodes: lat(30), dashboard: lat(5) },
    changeToDelta: { n: 40, p50: 20, p95: 60, max: 90, missed: 0, attempted: 40, post: { n: 40, p50: 4, p95: 9, max: 12 }, samplesMs: [] },
    idle: { windowSeconds: 30, sseBytesPerMinute: 10_000, sseEvents: 12, pollBytesPerMinute: 3_000_000, polls: 15, stateBytes: 100_000, pollLatency: { n: 15, p50: 40, p95: 50, max: 60 }, ratio: 300 },
    clusterCost: { cpuMs: 3000, simulatedSeconds: 20, cpuMsPerSimulatedSecond: 150 },
    phases: { viewRequests: 200, viewBudgetMs: 30_000, changeSamples: 40, idleWindowMs: 30_000, costWindowMs: 15_000 },
    notes: [],
    errors: [],
    ...over,
  }
}

function page(over: Partial<PageSummary> = {}): PageSummary {
  return { rows: 10_000, dataLoadedMs: 700, firstRowMs: 950, renderAfterDataMs: 250, scrollLongestTaskMs: 108, scrollTasksOver50Ms: 26, scrollLongestTaskCpuMs: 41, scrollTasksOver50MsCpu: 0, scrollDurationMs: 8200, ...over }
}

function burst(pagePath: string, over: Partial<BurstSummary> = {}): BurstSummary {
  return { page: pagePath, ratePerSecond: 1000, seconds: 10, burstEndpoint: true, updatesEmitted: 10_000, deltasReceived: 4600, longestTaskMs: 15, longestTaskCpuMs: 10, tasksOver50Ms: 0, tasksOver50MsCpu: 0, inputToFrameP95Ms: 13, inputToFrameMaxMs: 17, samples: 40, ...over }
}

const browser = (over: Partial<BrowserSummary> = {}): BrowserSummary => ({ nodes: page(), services: page({ rows: 10_007 }), burst: { nodes: burst('/nodes'), services: burst('/services') }, ...over })

describe('checkTargets', () => {
  it('passes a size within every target', () => {
    const checks = checkTargets([size(10_000, { browser: browser() })], [kb(200)])
    expect(checks.map((c) => c.metric)).toEqual([
      'GET /api/services p95',
      'GET /api/nodes p95',
      'GET /api/dashboard p95',
      'task change → browser delta p95',
      'idle traffic: polling ÷ SSE',
      'BFF resident memory (max)',
      'Nodes scroll: longest main-thread task (CPU time)',
      'Nodes page: input → frame p95 during 1000/s burst',
      'Services page: input → frame p95 during 1000/s burst',
      'initial JS gzip, largest route (/nodes)',
    ])
    expect(checks.every((c) => c.pass)).toBe(true)
  })

  it('fails each metric past its limit, and a change that never arrived', () => {
    const s = size(10_000, {
      latency: { services: lat(51), nodes: lat(50), dashboard: lat(49) },
      changeToDelta: { n: 39, p50: 20, p95: 60, max: 90, missed: 1, attempted: 40, post: { n: 40, p50: 4, p95: 9, max: 12 }, samplesMs: [] },
      idle: { ...size(1).idle, ratio: 49 },
      bffRssMb: { afterWarmup: 500, afterLoad: 650, max: 650, maxByPhase: {} },
      browser: browser({ nodes: page({ scrollLongestTaskCpuMs: 51, scrollTasksOver50MsCpu: 1 }), burst: { nodes: burst('/nodes', { inputToFrameP95Ms: 120 }), services: burst('/services', { inputToFrameP95Ms: 100 }) } }),
    })
    const byMetric = Object.fromEntries(checkTargets([s], [{ route: '/', initialJsGzipBytes: 260 * 1024, initialJsRawBytes: 0 }]).map((c) => [c.metric, c.pass]))
    expect(byMetric).toEqual({
      'GET /api/services p95': false,
      'GET /api/nodes p95': false,
      'GET /api/dashboard p95': true,
      'task change → browser delta p95': false,
      'idle traffic: polling ÷ SSE': false,
      'BFF resident memory (max)': false,
      'Nodes scroll: longest main-thread task (CPU time)': false,
      'Nodes page: input → frame p95 during 1000/s burst': false,
      'Services page: input → frame p95 during 1000/s burst': false,
      'initial JS gzip, largest route (/)': false,
    })
  })

  it('judges the Nodes scroll on CPU time, not the wall time a shared machine inflates, and shows both', () => {
    const pass = checkTargets([size(10_000, { browser: browser({ nodes: page({ scrollLongestTaskMs: 265, scrollTasksOver50Ms: 12, scrollLongestTaskCpuMs: 50, scrollTasksOver50MsCpu: 0 }) }) })], [])
    const scroll = pass.find((c) => c.metric.startsWith('Nodes scroll'))!
    expect(scroll).toMatchObject({ value: 50, pass: true, target: '≤ 50 ms' })
    expect(scroll.detail).toBe('wall 265 ms; tasks > 50 ms: 0 CPU / 12 wall')
    const fail = checkTargets([size(10_000, { browser: browser({ nodes: page({ scrollLongestTaskMs: 40, scrollLongestTaskCpuMs: Number.NaN }) }) })], [])
    expect(fail.find((c) => c.metric.startsWith('Nodes scroll'))!.pass).toBe(false)
  })

  it('fails a change → delta target whose changes all went missing (no percentiles at all)', () => {
    const s = size(10_000, { changeToDelta: { n: 0, p50: NaN, p95: NaN, max: NaN, missed: 3, attempted: 3, post: { n: 3, p50: 4, p95: 9, max: 12 }, samplesMs: [] } })
    const c = checkTargets([s], []).find((t) => t.metric === 'task change → browser delta p95')
    expect(c).toMatchObject({ pass: false, detail: '3 of 3 changes never arrived (10 s timeout)' })
  })

  it('fails a view with failed requests even when the successful ones were fast', () => {
    const s = size(10_000, { latency: { services: { ...lat(10), failed: 3 }, nodes: { n: 0, p50: NaN, p95: NaN, max: NaN, bodyBytes: 0, failed: 30 }, dashboard: lat(1) } })
    const byMetric = Object.fromEntries(checkTargets([s], []).map((c) => [c.metric, c.pass]))
    expect(byMetric['GET /api/services p95']).toBe(false)
    expect(byMetric['GET /api/nodes p95']).toBe(false)
    expect(byMetric['GET /api/dashboard p95']).toBe(true)
  })

  it('leaves out what was not measured instead of passing it, including a burst without the burst endpoint', () => {
    const s = size(100, {
      latency: { services: { n: 0, p50: NaN, p95: NaN, max: NaN, bodyBytes: 0, failed: 0 }, nodes: lat(1), dashboard: lat(1) },
      idle: { ...size(1).idle, polls: 0 },
      browser: browser({ burst: { nodes: burst('/nodes', { burstEndpoint: false }), services: burst('/services', { burstEndpoint: false }) } }),
    })
    const metrics = checkTargets([s], []).map((c) => c.metric)
    expect(metrics).not.toContain('GET /api/services p95')
    expect(metrics).not.toContain('idle traffic: polling ÷ SSE')
    expect(metrics.filter((m) => m.includes('burst'))).toEqual([])
  })
})

describe('renderMarkdown', () => {
  const sizes = [size(100, { notes: ['browser metrics, first attempt: HTTP 503; retried'] }), size(10_000, { bffRssMb: { afterWarmup: 300, afterLoad: 320, max: 480, maxByPhase: { startup: 190, 'warm-up': 160, views: 180 }, heapLimit: 1072 }, latency: { services: lat(80), nodes: lat(10), dashboard: lat(10) }, browser: browser(), phases: { viewRequests: 200, viewBudgetMs: 20_000, changeSamples: 40, idleWindowMs: 30_000, costWindowMs: 15_000 } })]
  const report: BenchReport = {
    runAt: '2026-11-25T12:00:00.000Z',
    machine: { cpus: 2, node: 'v20.20.0', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] },
    durationSeconds: 300,
    logDir: '/tmp/meridian-bench-x',
    builds: [
      { app: 'apps/web', rebuilt: true, reason: 'apps/web/src/main.tsx is newer than apps/web/dist/index.html' },
      { app: 'apps/bff', rebuilt: false, reason: 'up to date' },
    ],
    sizes,
    bundles: [{ route: '/nodes', initialJsGzipBytes: 102_400, initialJsRawBytes: 307_200 }],
    targets: checkTargets(sizes, []),
    errors: ['browser: chromium missing'],
  }
  const md = renderMarkdown(report)

  it('renders one column per size and the target table with pass/FAIL', () => {
    expect(md).toContain('| metric | 100 agents | 10,000 agents |')
    expect(md).toContain('| `GET /api/services` p50 / p95 / max (ms) | 10 / 20 / 40 (n=200) | 40 / 80 / 160 (n=200) |')
    expect(md).toContain('| polling ÷ SSE | 300× | 300× |')
    expect(md).toContain('| BFF resident memory: after warm-up / after load / max | 150 / 180 / 190 MB | 300 / 320 / 480 MB (V8 heap limit 1,072 MB) |')
    expect(md).toContain('| 10,000 | GET /api/services p95 | 80 | < 50 ms | **FAIL** |  |')
    expect(md).toContain('| 100 | GET /api/services p95 | 20 | < 50 ms | pass |  |')
    expect(md).toContain('| `/nodes` | 100.0 KB | 300.0 KB |')
    expect(md).toContain('- browser: chromium missing')
    expect(md).toContain('## Notes\n\n- 100 agents: browser metrics, first attempt: HTTP 503; retried')
    expect(md).toContain('Cluster and BFF logs of this run: `/tmp/meridian-bench-x`.')
    expect(md).toContain('Build: apps/web rebuilt (apps/web/src/main.tsx is newer than apps/web/dist/index.html); apps/bff up to date.')
  })

  it('prints the browser rows with wall and CPU side by side, – where the browser did not run', () => {
    expect(md).toContain('| Nodes page: rows / data loaded / first row (ms from navigation) | – | 10,000 / 700 / 950 |')
    expect(md).toContain('| Nodes scroll: longest task wall / CPU (ms); tasks > 50 ms wall / CPU | – | 108 / 41; 26 / 0 (scroll took 8,200 ms) |')
    expect(md).toContain('| Services page: rows / data loaded / first row (ms from navigation) | – | 10,007 / 700 / 950 |')
    expect(md).toContain('| burst on Services: longest task wall / CPU; input → frame p95 / max (ms); deltas received | – | 15 / 10; 13 / 17; 4,600 (1,000/s × 10 s, 10,000 emitted) |')
    expect(md).toContain('| 10,000 | Nodes scroll: longest main-thread task (CPU time) | 41 | ≤ 50 ms | pass | wall 108 ms; tasks > 50 ms: 0 CPU / 26 wall |')
  })

  it('shows the BFF memory peak per phase and the change POST apart from the delta', () => {
    expect(md).toContain('| BFF resident memory, max per phase (MB) | startup 190 · warm-up 160 · views 180 | startup 190 · warm-up 160 · views 180 |')
    expect(md).toContain('| task change → `task.changed` on /api/events, p50 / p95 / max (ms) | 20 / 60 / 90 (n=40); the POST itself 4.0 / 9.0 / 12 |')
  })

  it('states the sample counts each size ran with', () => {
    expect(md).toContain('| samples: view requests (budget per view) / change samples / idle window / cluster-cost window | 200 (30 s) / 40 / 30 s / 15 s | 200 (20 s) / 40 / 30 s / 15 s |')
  })
})
