/**
 * Runs the browser measurements alone against a running console and prints JSON
 * (`pnpm exec tsx bench/browser/cli.ts --base-url http://127.0.0.1:18500 [--only nodes,services,burst] [--web-dist apps/web/dist]`).
 * `pnpm bench` calls the same functions from bench/run.ts.
 */
import { parseArgs } from 'node:util'
import { launchChromium } from './chromium.ts'
import { measureBundles, NODES_PAGE, SERVICES_PAGE } from './index.ts'
import { measureListPage } from './page-load.ts'
import { measureBurst } from './burst.ts'

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string', default: 'http://127.0.0.1:18500' },
    only: { type: 'string', default: 'bundles,nodes,services,burst' },
    'web-dist': { type: 'string', default: 'apps/web/dist' },
    'routes-file': { type: 'string' },
    'burst-url': { type: 'string' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
  },
})
const only = new Set(values.only.split(','))
const baseUrl = values['base-url']
const login = { uid: 'admin', password: 'admin' }
const out: Record<string, unknown> = {}
if (only.has('bundles')) out.bundles = await measureBundles(values['web-dist'], values['routes-file'])
if (only.has('nodes') || only.has('services') || only.has('burst')) {
  const browser = await launchChromium()
  try {
    if (only.has('nodes')) out.nodes = await measureListPage(browser, baseUrl, login, NODES_PAGE)
    if (only.has('services')) out.services = await measureListPage(browser, baseUrl, login, SERVICES_PAGE)
    const burst = { ratePerSecond: Number(values.rate), seconds: Number(values.seconds) }
    const burstUrl = values['burst-url'] ?? new URL('/api/demo/burst', baseUrl).href
    if (only.has('burst')) out.burst = { nodes: await measureBurst(browser, baseUrl, burstUrl, login, NODES_PAGE, burst), services: await measureBurst(browser, baseUrl, burstUrl, login, SERVICES_PAGE, burst) }
  } finally {
    await browser.close()
  }
}
console.log(JSON.stringify(out, null, 2))
