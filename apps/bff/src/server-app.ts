/**
 * The one origin's Hono app: security headers on everything (the SPA's HTML and assets too, not
 * only /api), the embedded cluster's Admin Router paths when there is one, the BFF under /api,
 * and, with `webDist`, the built SPA with its index.html fallback for deep links.
 * Composition only; server.ts listens and starts the embedded cluster.
 */
import path from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { createApp, type AppDeps } from './app.ts'
import { securityHeaders } from './auth/security-headers.ts'

/** What the root app is made of. */
export interface RootAppOptions {
  app: AppDeps
  /** The embedded cluster's app (demo mode). */
  cluster?: Hono
  /** Absolute path of the built SPA (production). */
  webDist?: string
}

/** Builds the root app. */
export function createRootApp(opts: RootAppOptions) {
  const root = new Hono()
  root.use('*', securityHeaders())
  root.get('/healthz', (c) => c.text('ok'))
  if (opts.cluster) root.route('/', opts.cluster)
  root.route('/', createApp(opts.app))
  if (opts.webDist) {
    const dist = opts.webDist
    root.use('/assets/*', serveStatic({ root: dist }))
    root.get('*', serveStatic({ path: path.join(dist, 'index.html') }))
  }
  return root
}
