/**
 * Test helper: a served BFF whose cluster is reached through a fault-injecting proxy
 * (`faulty-upstream.ts`) in front of an embedded cluster on a free port, with a logged-in viewer
 * and helpers to read the `upstream.status` / `resync` story of its `/api/events` stream.
 */
import type { LiveDelta } from '@meridian/api'
import { serveCluster, type ServedCluster } from '../../../../packages/cluster/src/testing/serve-cluster.ts'
import { createApp, type AppDeps } from '../app.ts'
import { loginServed, openDeltaStream, serveApp, type DeltaStream, type ServedApp } from './delta-stream.ts'
import { serveFaultyUpstream, type FaultyUpstream, type FaultyUpstreamOptions } from './faulty-upstream.ts'
import type { LoggedIn } from './login.ts'

export interface FaultyBff {
  served: ServedCluster
  proxy: FaultyUpstream
  bff: ServedApp
  viewer: LoggedIn
  /** a request straight to the cluster (as another client of it would), bypassing the proxy */
  cluster(path: string, init?: RequestInit): Promise<Response>
  /** opens `/api/events` as the viewer */
  openStream(): Promise<DeltaStream>
  close(): Promise<void>
}

export async function serveFaultyBff(opts: { app?: Partial<AppDeps>; proxy?: FaultyUpstreamOptions; agents?: number } = {}): Promise<FaultyBff> {
  const served = await serveCluster({ agents: opts.agents ?? 5 })
  const proxy = await serveFaultyUpstream(served.baseUrl, opts.proxy)
  const bff = await serveApp(createApp({ clusterUrl: proxy.baseUrl, ...opts.app }))
  const viewer = await loginServed(bff, 'viewer')
  const streams: DeltaStream[] = []
  return {
    served,
    proxy,
    bff,
    viewer,
    cluster: (path, init) => fetch(served.baseUrl + path, init),
    async openStream() {
      const s = await openDeltaStream(viewer)
      streams.push(s)
      return s
    },
    async close() {
      await Promise.all(streams.map((s) => s.close()))
      bff.close()
      await proxy.close()
      await served.close()
    },
  }
}

/** The last `upstream.status` reported for `upstream` after delta index `from`, or undefined. */
export function lastStatus(deltas: LiveDelta[], upstream: 'mesos' | 'marathon', from = 0): boolean | undefined {
  for (let i = deltas.length - 1; i >= from; i--) {
    const d = deltas[i]!
    if (d.type === 'upstream.status' && d.upstream === upstream) return d.connected
  }
  return undefined
}

/** Whether a `resync` follows the last `connected: true` of `upstream` after index `from`. */
export function resyncedAfterReconnect(deltas: LiveDelta[], upstream: 'mesos' | 'marathon', from: number): boolean {
  const up = deltas.findLastIndex((d, i) => i >= from && d.type === 'upstream.status' && d.upstream === upstream && d.connected)
  return up >= 0 && deltas.slice(up + 1).some((d) => d.type === 'resync' && d.reason === 'upstream-reconnected')
}
