/**
 * Test helper: an embedded cluster served on a free port (manual clock) and a BFF pointed at it
 * by URL, as in production against a remote cluster, with logged-in demo users and a recorder
 * of every upstream call (to assert that bad input reached no upstream).
 */
import { serveCluster, type ServedCluster } from '../../../../packages/cluster/src/testing/serve-cluster.ts'
import { createApp, type AppDeps } from '../app.ts'
import { loginAs, type LoggedIn } from './login.ts'

export interface ServedBff {
  served: ServedCluster
  app: ReturnType<typeof createApp>
  admin: LoggedIn
  operator: LoggedIn
  viewer: LoggedIn
  /** `METHOD path` of every upstream call, in order */
  calls: string[]
  /** advances simulated time in steps, letting HTTP-driven reactions (SDK sync, Cosmos) run in between */
  advance(ms: number, stepMs?: number): Promise<void>
  close(): Promise<void>
}

export async function serveBffOnCluster(opts: { agents?: number; app?: Partial<AppDeps> } = {}): Promise<ServedBff> {
  const served = await serveCluster({ agents: opts.agents ?? 5 })
  const calls: string[] = []
  const recordingFetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    calls.push(`${(init?.method ?? 'GET').toUpperCase()} ${url.pathname}`)
    return fetch(input, init)
  }) as typeof fetch
  const app = createApp({ clusterUrl: served.baseUrl, fetch: recordingFetch, ...opts.app })
  const request = app.request.bind(app)
  const [admin, operator, viewer] = await Promise.all([loginAs(request, 'admin'), loginAs(request, 'operator'), loginAs(request, 'viewer')])
  return {
    served,
    app,
    admin,
    operator,
    viewer,
    calls,
    async advance(ms, stepMs = 1000) {
      for (let t = 0; t < ms; t += stepMs) {
        served.cluster.clock.advance(Math.min(stepMs, ms - t))
        await new Promise((r) => setTimeout(r, 2))
      }
    },
    close: () => served.close(),
  }
}
