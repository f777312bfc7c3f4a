/**
 * First render and scrolling of one list page on a cold load: navigation start → the list API's
 * response end → first data row painted; then the list is scrolled top to bottom, one step per
 * animation frame, under a Chromium performance trace (the page's renderer main thread is what
 * must not block for more than 50 ms).
 */
import type { Browser, Page } from 'playwright-core'
import { openProbedPage, type Login } from './chromium.ts'
import { summarizeMainThread, TRACE_CATEGORIES } from './main-thread-trace.ts'
import type { ProbeState } from './page-probe.ts'

export interface ListPage {
  /** e.g. `/nodes` */
  path: string
  /** the list API the page loads its rows from, e.g. `/api/nodes` (URL path) */
  apiPath: string
  /** one data row (not a header or group row) */
  rowSelector: string
  /** the list container; its `aria-rowcount` (minus the header row) is the row count */
  tableSelector: string
}

export interface PageMetrics {
  /** data rows the page listed (`aria-rowcount` − 1, or the row elements when absent) */
  rows: number
  /** the list API read once before the measured load (warms the BFF), ms */
  warmupApiMs: number
  /** navigation start → the list API response fully received */
  dataLoadedMs: number
  /** navigation start → first frame with a data row in the DOM */
  firstRowMs: number
  /** list API response received → first row on screen: the browser's own share (parse, sort, render) */
  renderAfterDataMs: number
  /** longest renderer main-thread task (trace) while scrolling top to bottom */
  scrollLongestTaskMs: number
  /** trace tasks over 50 ms during the scroll */
  scrollTasksOver50Ms: number
  /** longest task by the main thread's CPU time (excludes time other processes held the CPU) */
  scrollLongestTaskCpuMs: number
  scrollTasksOver50MsCpu: number
  /** cross-check: longest `longtask` PerformanceObserver entry during the scroll (0: none over 50 ms) */
  scrollLongestLongtaskMs: number
  scrollDurationMs: number
  /** scroll steps (frames) taken */
  scrollFrames: number
}

/** px scrolled per animation frame: ~20 rows of 46 px, a fast fling through 10,000 rows in ~8 s */
const SCROLL_STEP_PX = 920

async function probe(page: Page): Promise<ProbeState> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__meridianBench)) as ProbeState)
}

/** Scrolls the row's scroll container (or the document) to the bottom, one step per frame. */
function scrollToBottom(page: Page, rowSelector: string): Promise<{ frames: number; ms: number }> {
  return page.evaluate(
    ({ sel, step }) =>
      new Promise<{ frames: number; ms: number }>((resolve, reject) => {
        let el: HTMLElement | null = document.querySelector<HTMLElement>(sel)
        while (el && !(el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement
        const scroller = el ?? (document.scrollingElement as HTMLElement | null)
        if (!scroller) return reject(new Error('no scroll container'))
        const t0 = performance.now()
        let frames = 0
        const tick = () => {
          const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
          if (atBottom) return resolve({ frames, ms: performance.now() - t0 })
          scroller.scrollTop += step
          frames += 1
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
    { sel: rowSelector, step: SCROLL_STEP_PX },
  )
}

export async function measureListPage(browser: Browser, baseUrl: string, login: Login, list: ListPage, timeoutMs = 120_000): Promise<PageMetrics> {
  const { context, page } = await openProbedPage(browser, baseUrl, login, list.rowSelector)
  try {
    // One read before the measured load, so a cold BFF cache (the first state read after start)
    // is not counted as the browser's first render; its time is reported as `warmupApiMs`.
    const t0 = Date.now()
    const warm = await context.request.get(list.apiPath, { timeout: timeoutMs })
    if (!warm.ok()) throw new Error(`GET ${list.apiPath}: HTTP ${warm.status()}`)
    await warm.body()
    const warmupApiMs = Date.now() - t0
    await page.goto(list.path, { waitUntil: 'commit', timeout: timeoutMs })
    await page.waitForFunction(() => window.__meridianBench.firstRowAt !== null, undefined, { timeout: timeoutMs, polling: 100 })
    const firstRowAt = (await probe(page)).firstRowAt!
    // The response the first rows were rendered from: the last list read finished by then (an
    // earlier one may have been cancelled and refetched).
    const loaded = await page.evaluate(
      ({ api, by }) => {
        const ends = performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname === api)
          .map((e) => (e as PerformanceResourceTiming).responseEnd)
          .filter((end) => end > 0 && end <= by)
        return ends.length > 0 ? Math.max(...ends) : null
      },
      { api: list.apiPath, by: firstRowAt + 1 },
    )
    const rows = await page.evaluate(
      ({ table, row }) => {
        const count = document.querySelector(table)?.getAttribute('aria-rowcount')
        return count ? Number(count) - 1 : document.querySelectorAll(row).length
      },
      { table: list.tableSelector, row: list.rowSelector },
    )
    // Let the first render's follow-up work (live stream connect, idle queries) settle.
    await page.waitForTimeout(1500)
    const before = await page.evaluate(() => performance.now())
    await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    const scrolled = await scrollToBottom(page, list.rowSelector)
    const trace = await browser.stopTracing()
    const main = summarizeMainThread(trace)
    const longTasks = (await probe(page)).longTasks.filter((t) => t.start >= before)
    return {
      rows,
      warmupApiMs,
      dataLoadedMs: Math.round(loaded ?? firstRowAt),
      firstRowMs: Math.round(firstRowAt),
      renderAfterDataMs: Math.round(firstRowAt - (loaded ?? firstRowAt)),
      scrollLongestTaskMs: main.longestTaskMs,
      scrollTasksOver50Ms: main.tasksOver50Ms,
      scrollLongestTaskCpuMs: main.longestTaskCpuMs,
      scrollTasksOver50MsCpu: main.tasksOver50MsCpu,
      scrollLongestLongtaskMs: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))),
      scrollDurationMs: Math.round(scrolled.ms),
      scrollFrames: scrolled.frames,
    }
  } finally {
    await context.close()
  }
}
