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
import { errorEnvelope } from './errors.ts'

/**
 * Admin Router prefixes: a path under one of these that no upstream answered is a 404 from the
 * cluster, never the SPA's index.html (a client would otherwise parse HTML as an API answer).
 */
const CLUSTER_PREFIXES = ['/mesos', '/agent', '/slave', '/marathon', '/service', '/package', '/cosmos', '/acs', '/system', '/capabilities']

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
  root.all('/api/*', (c) => c.json(errorEnvelope('NotFound', `No such API route: ${c.req.method} ${c.req.path}`), 404))
  for (const prefix of CLUSTER_PREFIXES) {
    root.all(prefix, (c) => c.text('404 Not Found', 404))
    root.all(`${prefix}/*`, (c) => c.text('404 Not Found', 404))
  }
  if (opts.webDist) {
    const dist = opts.webDist
    root.use('/assets/*', serveStatic({ root: dist }))
    root.get('*', serveStatic({ path: path.join(dist, 'index.html') }))
  }
  return root
}
