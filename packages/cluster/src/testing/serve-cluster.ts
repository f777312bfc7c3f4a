/**
 * Test support: starts an embedded cluster on a free loopback port so integration tests talk
 * real HTTP to it (framing, streaming and status codes only show up over a socket).
 */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createCluster, type ClusterOptions, type EmbeddedCluster } from '../cluster.ts'

export interface ServedCluster {
  cluster: EmbeddedCluster
  /** e.g. http://127.0.0.1:41234 — append /mesos/..., /service/marathon/... */
  baseUrl: string
  close(): Promise<void>
}

export async function serveCluster(opts: ClusterOptions = {}): Promise<ServedCluster> {
  const cluster = createCluster({ clock: 'manual', seed: 1, allowFileRepositories: true, ...opts })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: cluster.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    cluster,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        cluster.close()
        // Streaming responses (SUBSCRIBE, SSE) keep sockets open; do not wait for them.
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}
