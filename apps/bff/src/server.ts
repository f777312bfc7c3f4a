/**
 * Node entry point: one origin serving the SPA at /, the BFF under /api and, in demo mode,
 * the embedded cluster under DC/OS Admin Router paths (/mesos, /agent, /marathon, /service,
 * /package, /cosmos). Only this file starts the embedded cluster; everything else reaches it
 * over HTTP.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { createCluster, clusterOptionsFromEnv } from '@meridian/cluster'
import { createApp } from './app.ts'
import { clusterRolesFromEnv } from './auth/cluster-roles.ts'
import { securityHeaders } from './auth/security-headers.ts'
import { configFromEnv } from './config.ts'

const config = configFromEnv(process.env)
const root = new Hono()
root.use('*', securityHeaders())
root.get('/healthz', (c) => c.text('ok'))

const cluster = config.embedded ? createCluster(clusterOptionsFromEnv(process.env)) : undefined
if (cluster) root.route('/', cluster.app)
root.route(
  '/',
  createApp({
    clusterUrl: config.clusterUrl,
    ...(config.clusterToken ? { clusterToken: config.clusterToken } : {}),
    mode: config.embedded ? 'demo' : 'cluster',
    roleFor: clusterRolesFromEnv(process.env),
  }),
)

const here = path.dirname(fileURLToPath(import.meta.url))
const webDist = path.resolve(here, '../../web/dist')
if (process.env.NODE_ENV === 'production') {
  root.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), webDist) }))
  root.get('*', serveStatic({ path: path.relative(process.cwd(), path.join(webDist, 'index.html')) }))
}

const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Meridian on http://${config.host}:${info.port} (${config.embedded ? 'embedded demo cluster' : `cluster ${config.clusterUrl}`})`)
})

function shutdown(): void {
  cluster?.close()
  server.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
