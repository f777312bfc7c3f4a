/**
 * Responsiveness during a burst of task updates: with a list page open, the embedded cluster is
 * asked to emit `ratePerSecond` task status updates for `seconds` (`POST /api/demo/burst`), the
 * renderer main thread is traced for that window, and a probe key is pressed every 250 ms to time
 * input → next frame (what a user feels as lag).
 */
import type { Browser } from 'playwright-core'
import { openProbedPage, type Login } from './chromium.ts'
import { summarizeMainThread, TRACE_CATEGORIES } from './main-thread-trace.ts'
import type { ListPage } from './page-load.ts'
import type { ProbeState } from './page-probe.ts'

export interface BurstOptions {
  ratePerSecond: number
  seconds: number
}

export interface BurstMetrics {
  page: string
  requested: BurstOptions
  /** false: the cluster has no /api/demo/burst, so the window saw only normal demo traffic */
  burstEndpoint: boolean
  /** task updates the cluster had emitted when the window closed (burst status `emitted`) */
  updatesEmitted: number
  /** live deltas the page received on its event stream during the window */
  deltasReceived: number
  longestTaskMs: number
  tasksOver50Ms: number
  /** the same by main-thread CPU time (see MainThreadSummary) */
  longestTaskCpuMs: number
  tasksOver50MsCpu: number
  /** main-thread busy share of the window, 0–1 */
  busyShare: number
  /** probe key press → next animation frame */
  inputToFrameP50Ms: number
  inputToFrameP95Ms: number
  inputToFrameMaxMs: number
  samples: number
  /** cross-check: longest Event Timing entry (input → next paint, ≥ 16 ms only) in the window */
  longestEventTimingMs: number
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

const PROBE_INTERVAL_MS = 250
/** What the page probe times (page-probe.ts): a bare modifier press, which no console shortcut uses. */
const PROBE_KEY = 'Shift'

interface BurstStatus {
  running: boolean
  emitted: number
}

/**
 * Starts a burst on the cluster's demo-control API (`POST <burstUrl>`, no session needed; from
 * Node, since in `pnpm bench` the cluster is another origin). A burst still running from an
 * earlier measurement answers 409: wait for it to end and retry. null: the cluster has no burst
 * endpoint (404).
 */
async function startBurst(burstUrl: string, burst: BurstOptions): Promise<BurstStatus | null> {
  const deadline = Date.now() + 130_000
  for (;;) {
    const res = await fetch(burstUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(burst) })
    if (res.status === 404) return null
    const body = (await res.json().catch(() => ({}))) as { burst?: BurstStatus; message?: string }
    if (res.status === 202 || res.ok) return body.burst ?? { running: true, emitted: 0 }
    if (res.status !== 409 || Date.now() > deadline) throw new Error(`POST ${burstUrl}: HTTP ${res.status} ${JSON.stringify(body)}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

async function burstStatus(burstUrl: string): Promise<BurstStatus | null> {
  const res = await fetch(burstUrl)
  return res.ok ? ((await res.json()) as { burst: BurstStatus }).burst : null
}

export async function measureBurst(browser: Browser, baseUrl: string, burstUrl: string, login: Login, list: ListPage, burst: BurstOptions, timeoutMs = 120_000): Promise<BurstMetrics> {
  const { context, page } = await openProbedPage(browser, baseUrl, login, list.rowSelector)
  try {
    await page.goto(list.path, { waitUntil: 'commit', timeout: timeoutMs })
    await page.waitForFunction(() => window.__meridianBench.firstRowAt !== null, undefined, { timeout: timeoutMs, polling: 100 })
    await page.waitForTimeout(1500)
    const start = await page.evaluate(() => ({ now: performance.now(), deltas: window.__meridianBench.deltas }))
    await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    const started = await startBurst(burstUrl, burst)
    const until = Date.now() + burst.seconds * 1000
    while (Date.now() < until) {
      await page.keyboard.press(PROBE_KEY)
      await page.waitForTimeout(PROBE_INTERVAL_MS)
    }
    const trace = await browser.stopTracing()
    const ended = started ? await burstStatus(burstUrl) : null
    const main = summarizeMainThread(trace)
    const state = await page.evaluate(() => JSON.parse(JSON.stringify(window.__meridianBench)) as ProbeState)
    const inputs = state.inputToFrame.filter((s) => s.at >= start.now).map((s) => s.ms)
    const events = state.eventTimings.filter((e) => e.start >= start.now)
    return {
      page: list.path,
      requested: burst,
      burstEndpoint: started !== null,
      updatesEmitted: ended?.emitted ?? 0,
      deltasReceived: state.deltas - start.deltas,
      longestTaskMs: main.longestTaskMs,
      tasksOver50Ms: main.tasksOver50Ms,
      longestTaskCpuMs: main.longestTaskCpuMs,
      tasksOver50MsCpu: main.tasksOver50MsCpu,
      busyShare: main.windowMs > 0 ? Math.round((main.totalBusyMs / main.windowMs) * 100) / 100 : 0,
      inputToFrameP50Ms: Math.round(percentile(inputs, 50)),
      inputToFrameP95Ms: Math.round(percentile(inputs, 95)),
      inputToFrameMaxMs: Math.round(Math.max(0, ...inputs)),
      samples: inputs.length,
      longestEventTimingMs: Math.round(Math.max(0, ...events.map((e) => e.duration))),
    }
  } finally {
    await context.close()
  }
}
