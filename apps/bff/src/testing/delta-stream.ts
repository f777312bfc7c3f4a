/**
 * Test helper: serves a BFF app on a free port (so its live hub runs against real upstream
 * streams) and reads a logged-in user's `/api/events` SSE stream into an array of deltas.
 */
import { serve } from '@hono/node-server'
import type { LiveDelta, LiveEvent } from '@meridian/api'
import { createParser } from 'eventsource-parser'
import type { AddressInfo } from 'node:net'
import { loginAs, type LoggedIn } from './login.ts'

/** A served BFF. */
export interface ServedApp {
  base: string
  fetcher(path: string, init?: RequestInit): Promise<Response>
  close(): void
}

/** Serves `app` on 127.0.0.1:0. */
export async function serveApp(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<ServedApp> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    fetcher: (path, init) => fetch(base + path, init),
    close() {
      ;(server as unknown as { closeAllConnections(): void }).closeAllConnections()
      server.close()
    },
  }
}

/** An open SSE stream: every delta received so far, raw SSE text, and close. */
export interface DeltaStream {
  events: LiveEvent[]
  readonly deltas: LiveDelta[]
  raw: string[]
  close(): Promise<void>
}

/** Opens `/api/events` as `user` and collects deltas in the background. */
export async function openDeltaStream(user: LoggedIn): Promise<DeltaStream> {
  const res = await user.request('/api/events', { headers: { accept: 'text/event-stream' } })
  if (res.status !== 200) throw new Error(`/api/events answered ${res.status}`)
  const events: LiveEvent[] = []
  const raw: string[] = []
  const parser = createParser({ onEvent: (e) => e.event === 'delta' && events.push(JSON.parse(e.data) as LiveEvent) })
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      raw.push(value)
      parser.feed(value)
    }
  })().catch(() => undefined)
  return {
    events,
    get deltas() {
      return events.map((e) => e.delta)
    },
    raw,
    async close() {
      await reader.cancel().catch(() => undefined)
      await pump
    },
  }
}

/** Logs in to a served app. */
export const loginServed = (app: ServedApp, uid: string, password?: string) => loginAs(app.fetcher, uid, password)
