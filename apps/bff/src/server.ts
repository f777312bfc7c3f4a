/**
 * Node entry point: one origin serving the SPA at /, the BFF under /api and, in demo mode,
 * the embedded cluster under DC/OS Admin Router paths (/mesos, /agent, /marathon, /service,
 * /package, /cosmos). Only this file starts the embedded cluster; everything else reaches it
 * over HTTP.
 */
import path from 'node:path'
import { getHeapStatistics } from 'node:v8'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createCluster, clusterOptionsFromEnv } from '@meridian/cluster'
import { clusterRolesFromEnv } from './auth/cluster-roles.ts'
import { DEMO_USERS } from './auth/demo-users.ts'
import { configFromEnv } from './config.ts'
import { createRootApp } from './server-app.ts'

const config = configFromEnv(process.env)
const clusterOptions = clusterOptionsFromEnv(process.env)
const cluster = config.embedded ? createCluster(clusterOptions) : undefined
// An embedded cluster that requires auth (MERIDIAN_DEMO_REQUIRE_AUTH=1) is logged into like a
// real one, through its IAM; its users are the demo users, with their demo roles.
const viaIam = !config.embedded || clusterOptions.requireAuth === true
const clusterRoles = clusterRolesFromEnv(process.env)
const here = path.dirname(fileURLToPath(import.meta.url))
const root = createRootApp({
  app: {
    clusterUrl: config.clusterUrl,
    ...(config.clusterToken ? { clusterToken: config.clusterToken } : {}),
    mode: viaIam ? 'cluster' : 'demo',
    warm: true,
    roleFor: config.embedded ? (uid) => DEMO_USERS.find((u) => u.uid === uid)?.role ?? 'viewer' : clusterRoles,
  },
  ...(cluster ? { cluster: cluster.app } : {}),
  ...(process.env.NODE_ENV === 'production' ? { webDist: path.resolve(here, '../../web/dist') } : {}),
})

const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info) => {
  const heapMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)
  console.log(`Meridian on http://${config.host}:${info.port} (${config.embedded ? 'embedded demo cluster' : `cluster ${config.clusterUrl}`}; V8 heap limit ${heapMb} MB)`)
})

function shutdown(): void {
  cluster?.close()
  server.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
