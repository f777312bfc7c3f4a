/**
 * Standalone entry: the embedded cluster alone in its own process (`tsx
 * packages/cluster/src/serve-main.ts`), configured by the same MERIDIAN_DEMO_* variables as the
 * console, listening on MERIDIAN_CLUSTER_PORT (default 0 = any free port) on 127.0.0.1. A BFF
 * then reaches it as a real cluster (`DCOS_URL=http://127.0.0.1:<port>`); `pnpm bench` runs it
 * so the BFF's memory and CPU are measured apart from the cluster's. Prints one JSON line
 * `{"listening": port, "seedMs": ..., "agents": ..., "tasks": ...}` when ready.
 */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { clusterOptionsFromEnv, createCluster } from './cluster.ts'

const started = performance.now()
const cluster = createCluster(clusterOptionsFromEnv(process.env))
const seedMs = Math.round(performance.now() - started)
const port = Number(process.env.MERIDIAN_CLUSTER_PORT ?? 0)
const server = serve({ fetch: cluster.app.fetch, port, hostname: process.env.MERIDIAN_CLUSTER_HOST ?? '127.0.0.1' }, () => {
  const { port: listening } = server.address() as AddressInfo
  console.log(JSON.stringify({ listening, seedMs, agents: cluster.master.agents.size, tasks: cluster.master.tasks.size }))
})

function shutdown(): void {
  cluster.close()
  ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
  server.close()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
