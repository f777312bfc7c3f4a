/**
 * `GET /api/events`: one SSE stream per browser tab. Each delta is sent as `id: <seq>`,
 * `event: delta`. A client that reconnects with `Last-Event-ID` first gets exactly the events
 * it missed (from the hub's ring), or one `resync` delta when it is too far behind. The first
 * message of a fresh connection is `event: ready` carrying the current position as its id.
 */
import { LIVE_EVENT_NAME, type LiveEvent } from '@meridian/api'
import { Hono } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { BffEnv } from '../env.ts'
import type { LiveHub } from '../live/hub.ts'

const KEEPALIVE_MS = 15_000

/** Events queued for one slow connection before its backlog is replaced by a resync. */
const MAX_QUEUED = 1000

/** Event routes. */
export function eventsRoutes(hub: LiveHub) {
  return new Hono<BffEnv>().get('/', (c) => {
    const resumeFrom = c.req.header('last-event-id') ?? c.req.query('lastEventId')
    c.header('x-accel-buffering', 'no')
    c.header('cache-control', 'no-cache, no-transform')
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = []
      let wake: (() => void) | undefined
      // Subscribe before reading the replay so nothing published in between is lost; the
      // sequence check below drops what both paths deliver.
      const unsubscribe = hub.subscribe((e) => {
        // A stalled tab must not grow the BFF's memory: past the cap, drop the backlog and let
        // the client refetch everything (the same resync it gets when its Last-Event-ID is too old).
        if (queue.length >= MAX_QUEUED) queue.splice(0, queue.length, { id: e.id, at: e.at, delta: { type: 'resync', reason: 'too-old' } })
        else queue.push(e)
        wake?.()
      })
      stream.onAbort(() => {
        unsubscribe()
        wake?.()
      })
      let sent = 0
      const send = async (e: LiveEvent) => {
        const seq = Number(e.id)
        if (seq <= sent) return
        sent = seq
        await stream.writeSSE({ id: e.id, event: LIVE_EVENT_NAME, data: JSON.stringify(e) })
      }
      if (resumeFrom !== undefined) {
        const replay = hub.replay(resumeFrom)
        if (replay.tooOld) {
          sent = Number(hub.log.lastId)
          await stream.writeSSE({ id: hub.log.lastId, event: LIVE_EVENT_NAME, data: JSON.stringify({ id: hub.log.lastId, at: Date.now(), delta: { type: 'resync', reason: 'too-old' } }) })
        } else for (const e of replay.events) await send(e)
      } else {
        sent = Number(hub.log.lastId)
        await stream.writeSSE({ id: hub.log.lastId, event: 'ready', data: JSON.stringify({ lastEventId: hub.log.lastId }) })
      }
      const keepalive = setInterval(() => void stream.write(': keepalive\n\n').catch(() => undefined), KEEPALIVE_MS)
      try {
        await pump(stream, queue, send, (w) => (wake = w))
      } finally {
        clearInterval(keepalive)
        unsubscribe()
      }
    })
  })
}

async function pump(stream: SSEStreamingApi, queue: LiveEvent[], send: (e: LiveEvent) => Promise<void>, setWake: (w: (() => void) | undefined) => void) {
  while (!stream.aborted && !stream.closed) {
    while (queue.length > 0) await send(queue.shift()!)
    await new Promise<void>((resolve) => setWake(resolve))
    setWake(undefined)
  }
}
