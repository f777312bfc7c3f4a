/** Launching the benchmark's Chromium and opening logged-in pages with the probe installed. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { installProbe } from './page-probe.ts'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export function launchChromium(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
}

export interface Login {
  uid: string
  password: string
}

export interface ProbedPage {
  context: BrowserContext
  page: Page
  csrfToken: string
}

/**
 * A fresh context (cold cache, as a first visit) logged in through the BFF's session API, whose
 * page runs the probe before the SPA. The probe goes in as source text with a `__name` shim:
 * tsx compiles this file with esbuild's keepNames, whose `__name(fn)` calls would otherwise
 * reach the browser undefined.
 */
export async function openProbedPage(browser: Browser, baseUrl: string, login: Login, rowSelector: string): Promise<ProbedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } })
  const res = await context.request.post('/api/session/login', { data: login })
  if (res.status() !== 200) throw new Error(`login as ${login.uid} failed: HTTP ${res.status()} ${await res.text()}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  await context.addInitScript({
    content: `(() => { const __name = (f) => f; globalThis.__name = __name; (${installProbe.toString()})(${JSON.stringify(rowSelector)}) })()`,
  })
  const page = await context.newPage()
  return { context, page, csrfToken }
}
