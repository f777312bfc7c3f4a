/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
/** Test support: a tiny JSON client for the embedded Marathon over real HTTP. */
import { serveCluster, type ServedCluster } from '../../testing/serve-cluster.ts'

export interface MarathonTestClient {
  served: ServedCluster
  base: string
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>
  /** advance virtual time in 1 s ticks (timers fire in order) */
  advance(seconds: number): void
}

export async function startMarathon(opts: { agents?: number } = {}): Promise<MarathonTestClient> {
  const served = await serveCluster({ empty: true, agents: opts.agents ?? 5 })
  const base = `${served.baseUrl}/service/marathon`
  return {
    served,
    base,
    async call(method, path, body) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: body !== undefined ? { 'content-type': 'application/json' } : {},
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text ? JSON.parse(text) : undefined
      } catch {
        /* plain text */
      }
      return { status: res.status, body: parsed, headers: res.headers }
    },
    advance(seconds) {
      for (let i = 0; i < seconds; i++) served.cluster.clock.advance(1000)
    },
  }
}
