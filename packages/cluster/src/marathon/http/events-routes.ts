/**
 * `GET /v2/events`: Server-Sent Events, one `event: <eventType>\ndata: <json>\n\n` frame per
 * event. The first frame is `event_stream_attached`; `event_type` (repeatable) filters.
 * Without `Accept: text/event-stream` Marathon's servlet answers 405 (HTML).
 */
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { clientIp } from './apps-routes.ts'

export function eventsRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()
  r.get('/v2/events', (c) => {
    if (!(c.req.header('accept') ?? '').includes('text/event-stream'))
      return c.html('<html><body><h2>HTTP ERROR 405</h2><p>Problem accessing /v2/events. Reason: Method Not Allowed</p></body></html>', 405)
    const filter = new Set((c.req.queries('event_type') ?? []).flatMap((t) => t.split(',')).filter((t) => t !== ''))
    const remoteAddress = clientIp(c)
    return streamSSE(c, async (stream) => {
      const pending: Array<{ event: string; data: string }> = []
      let wake: (() => void) | undefined
      let closed = false
      const unsubscribe = m.bus.subscribe((e) => {
        if (filter.size > 0 && !filter.has(e.eventType)) return
        pending.push({ event: e.eventType, data: JSON.stringify(e) })
        wake?.()
      })
      stream.onAbort(() => {
        closed = true
        unsubscribe()
        m.bus.publish('event_stream_detached', { remoteAddress })
        wake?.()
      })
      m.bus.publish('event_stream_attached', { remoteAddress })
      while (!closed) {
        while (pending.length > 0 && !closed) await stream.writeSSE(pending.shift()!)
        if (closed) break
        await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
      }
    })
  })
  return r
}
