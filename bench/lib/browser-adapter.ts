/**
 * Calls the browser-side module (bench/browser) and keeps the numbers the report shows. The
 * module's types are imported, so a renamed field there is a type error here; the module itself
 * is loaded at run time (playwright-core, Chromium), so a failure there costs the browser rows,
 * not the run.
 */
import type { BurstMetrics, PageMetrics, RouteBundle } from '../browser/index.ts'
import type { BrowserSummary, BurstSummary, PageSummary, RouteBundleSummary } from './result-types.ts'

const load = () => import('../browser/index.ts')

export function bundleSummary(b: RouteBundle): RouteBundleSummary {
  return { route: b.route, initialJsGzipBytes: b.initialJsGzipBytes, initialJsRawBytes: b.initialJsRawBytes }
}

export async function bundles(webDistDir: string): Promise<RouteBundleSummary[]> {
  return (await (await load()).measureBundles(webDistDir)).map(bundleSummary)
}

export function pageSummary(p: PageMetrics): PageSummary {
  return {
    rows: p.rows,
    dataLoadedMs: p.dataLoadedMs,
    firstRowMs: p.firstRowMs,
    renderAfterDataMs: p.renderAfterDataMs,
    scrollLongestTaskMs: p.scrollLongestTaskMs,
    scrollTasksOver50Ms: p.scrollTasksOver50Ms,
    scrollLongestTaskCpuMs: p.scrollLongestTaskCpuMs,
    scrollTasksOver50MsCpu: p.scrollTasksOver50MsCpu,
    scrollDurationMs: p.scrollDurationMs,
  }
}

export function burstSummary(b: BurstMetrics): BurstSummary {
  return {
    page: b.page,
    ratePerSecond: b.requested.ratePerSecond,
    seconds: b.requested.seconds,
    burstEndpoint: b.burstEndpoint,
    updatesEmitted: b.updatesEmitted,
    deltasReceived: b.deltasReceived,
    longestTaskMs: b.longestTaskMs,
    longestTaskCpuMs: b.longestTaskCpuMs,
    tasksOver50Ms: b.tasksOver50Ms,
    tasksOver50MsCpu: b.tasksOver50MsCpu,
    inputToFrameP95Ms: b.inputToFrameP95Ms,
    inputToFrameMaxMs: b.inputToFrameMaxMs,
    samples: b.samples,
  }
}

export async function browserMetrics(opts: { baseUrl: string; clusterUrl: string; burst: { ratePerSecond: number; seconds: number }; log: (m: string) => void }): Promise<{ summary: BrowserSummary; raw: unknown }> {
  const raw = await (await load()).measureBrowser({ baseUrl: opts.baseUrl, burstUrl: `${opts.clusterUrl}/api/demo/burst`, burst: opts.burst, log: opts.log })
  const summary: BrowserSummary = {
    nodes: pageSummary(raw.nodes),
    services: pageSummary(raw.services),
    burst: { nodes: burstSummary(raw.burst.nodes), services: burstSummary(raw.burst.services) },
  }
  return { summary, raw }
}
