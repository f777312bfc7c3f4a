/**
 * The BFF's HTTP API under /api. Composition only: each view has its own route module.
 * `AppType` is what the SPA's typed client (Hono RPC) is built from.
 */
import { Hono } from 'hono'

export interface AppDeps {
  clusterUrl: string
  clusterToken?: string
}

export function createApp(_deps: AppDeps) {
  return new Hono().get('/api/health', (c) => c.json({ ok: true }, 200))
}

export type AppType = ReturnType<typeof createApp>
