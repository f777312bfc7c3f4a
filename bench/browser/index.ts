/**
 * Browser-side benchmarks for `pnpm bench` (bench/run.ts): SPA initial JS per route, first render
 * and scrolling of the Nodes and Services pages, and responsiveness during a task-update burst.
 * Measured in Chromium (CHROMIUM_PATH, default /usr/bin/chromium) against a running console.
 */
import type { Browser } from 'playwright-core'
import { launchChromium, type Login } from './chromium.ts'
import { measureListPage, type ListPage, type PageMetrics } from './page-load.ts'
import { measureBurst, type BurstMetrics, type BurstOptions } from './burst.ts'

export { measureBundles, type RouteBundle } from './bundles.ts'
export type { PageMetrics, BurstMetrics, BurstOptions, Login }

/** The list pages measured, as the console renders them (ARIA tables named by their page). */
export const NODES_PAGE: ListPage = {
  path: '/nodes',
  apiPath: '/api/nodes',
  rowSelector: '[role="table"][aria-label="Nodes"] .vt-scroll [role="row"]',
  tableSelector: '[role="table"][aria-label="Nodes"]',
}
export const SERVICES_PAGE: ListPage = {
  path: '/services',
  apiPath: '/api/services',
  rowSelector: '[aria-label="Services"] [data-row-kind="service"], table[aria-label="Services"] tbody tr:not(.group-row)',
  tableSelector: '[role="table"][aria-label="Services"]',
}

export interface BrowserResult {
  nodes: PageMetrics
  services: PageMetrics
  burst: { nodes: BurstMetrics; services: BurstMetrics }
}

export interface MeasureBrowserOptions {
  /** the console, e.g. http://127.0.0.1:18500 */
  baseUrl: string
  chromiumPath?: string
  /** the cluster's demo-control burst endpoint; default `${baseUrl}/api/demo/burst` (embedded cluster) */
  burstUrl?: string
  /** default admin/admin (demo users) */
  login?: Login
  /** default 1,000 updates/s for 10 s */
  burst?: BurstOptions
  log?: (msg: string) => void
}

export async function measureBrowser(opts: MeasureBrowserOptions): Promise<BrowserResult> {
  const login = opts.login ?? { uid: 'admin', password: 'admin' }
  const burst = opts.burst ?? { ratePerSecond: 1000, seconds: 10 }
  const log = opts.log ?? (() => {})
  const burstUrl = opts.burstUrl ?? new URL('/api/demo/burst', opts.baseUrl).href
  const browser: Browser = await launchChromium(opts.chromiumPath)
  try {
    log('browser: nodes page first render + scroll')
    const nodes = await measureListPage(browser, opts.baseUrl, login, NODES_PAGE)
    log('browser: services page first render + scroll')
    const services = await measureListPage(browser, opts.baseUrl, login, SERVICES_PAGE)
    log(`browser: burst ${burst.ratePerSecond}/s × ${burst.seconds} s on the nodes page`)
    const burstNodes = await measureBurst(browser, opts.baseUrl, burstUrl, login, NODES_PAGE, burst)
    log(`browser: burst ${burst.ratePerSecond}/s × ${burst.seconds} s on the services page`)
    const burstServices = await measureBurst(browser, opts.baseUrl, burstUrl, login, SERVICES_PAGE, burst)
    return { nodes, services, burst: { nodes: burstNodes, services: burstServices } }
  } finally {
    await browser.close()
  }
}
