/**
 * `GET /api/events`: one SSE stream per browser tab. Each delta is sent as `id: <seq>`,
 * `event: delta`. A client that reconnects with `Last-Event-ID` first gets exactly the events
 * it missed (from the hub's ring), or one `resync` delta when it is too far behind. The first
 * message of a fresh connection is `event: ready` carrying the current position as its id.
 *
 * A stalled tab (a client that stops reading: TCP backpressure) is dropped, never buffered
 * forever: when a write stays blocked past `writeTimeoutMs`, or the backlog passes `maxQueued`,
 * the server closes the connection. The browser's EventSource then reconnects with its
 * Last-Event-ID and gets a replay or a resync.
 */
import { LIVE_EVENT_NAME, type LiveEvent } from '@meridian/api'
import type { HttpBindings } from '@hono/node-server'
import { Hono } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { BffEnv } from '../env.ts'
import type { LiveHub } from '../live/hub.ts'

/** Slow-consumer bounds of the event stream. */
export interface EventStreamOptions {
  /** a write blocked this long (the client stopped reading) closes the connection (ms, default 30 s) */
  writeTimeoutMs?: number
  /** events queued for one connection before it is closed (default 1000) */
  maxQueued?: number
  /** comment line sent on an idle stream (ms, default 15 s) */
  keepaliveMs?: number
}

/** Event routes. */
export function eventsRoutes(hub: LiveHub, opts: EventStreamOptions = {}) {
  const writeTimeoutMs = opts.writeTimeoutMs ?? 30_000
  const maxQueued = opts.maxQueued ?? 1000
  return new Hono<BffEnv & { Bindings: Partial<HttpBindings> }>().get('/', (c) => {
    const resumeFrom = c.req.header('last-event-id') ?? c.req.query('lastEventId')
    c.header('x-accel-buffering', 'no')
    c.header('cache-control', 'no-cache, no-transform')
    // Under @hono/node-server the raw response is in the bindings; aborting the web stream alone
    // cannot end a response whose socket is blocked (the server waits for 'drain' forever).
    const outgoing = c.env?.outgoing
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = []
      let wake: (() => void) | undefined
      // Writes in flight; a drop releases them (a write into a blocked socket never settles).
      const inFlight = new Set<() => void>()
      const drop = () => {
        unsubscribe()
        stream.abort()
        outgoing?.destroy()
        for (const release of inFlight) release()
      }
      // Subscribe before reading the replay so nothing published in between is lost; the
      // sequence check below drops what both paths deliver.
      const unsubscribe = hub.subscribe((e) => {
        queue.push(e)
        // A tab this far behind is not reading: close it rather than grow the BFF's memory.
        if (queue.length > maxQueued) {
          queue.length = 0
          drop()
        }
        wake?.()
      })
      stream.onAbort(() => {
        unsubscribe()
        wake?.()
      })
      // Every write is bounded: Hono's write only settles when the socket takes the bytes.
      // (Not Promise.race against one long-lived "dropped" promise: every race would leave a
      // reaction on it, growing the heap by one closure per message sent.)
      const write = async (text: string) => {
        const timer = setTimeout(drop, writeTimeoutMs)
        let release = () => {}
        try {
          await new Promise<void>((resolve) => {
            release = resolve
            inFlight.add(resolve)
            void stream.write(text).then(() => resolve())
          })
        } finally {
          inFlight.delete(release)
          clearTimeout(timer)
        }
      }
      let sent = 0
      const send = async (e: LiveEvent) => {
        const seq = Number(e.id)
        if (seq <= sent) return
        sent = seq
        await write(sseMessage(e.id, LIVE_EVENT_NAME, JSON.stringify(e)))
      }
      if (resumeFrom !== undefined) {
        const replay = hub.replay(resumeFrom)
        if (replay.tooOld) {
          sent = Number(hub.log.lastId)
          await write(sseMessage(hub.log.lastId, LIVE_EVENT_NAME, JSON.stringify({ id: hub.log.lastId, at: Date.now(), delta: { type: 'resync', reason: 'too-old' } })))
        } else for (const e of replay.events) await send(e)
      } else {
        sent = Number(hub.log.lastId)
        await write(sseMessage(hub.log.lastId, 'ready', JSON.stringify({ lastEventId: hub.log.lastId })))
      }
      const keepalive = setInterval(() => {
        // Skipped while the queue drains: the deltas themselves keep the connection alive.
        if (queue.length === 0) void write(': keepalive\n\n')
      }, opts.keepaliveMs ?? 15_000)
      try {
        await pump(stream, queue, send, (w) => (wake = w))
      } finally {
        clearInterval(keepalive)
        unsubscribe()
      }
    })
  })
}

/** One SSE message (ids and event names are ours: never multi-line; JSON data is one line). */
function sseMessage(id: string, event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\nid: ${id}\n\n`
}

async function pump(stream: SSEStreamingApi, queue: LiveEvent[], send: (e: LiveEvent) => Promise<void>, setWake: (w: (() => void) | undefined) => void) {
  while (!stream.aborted && !stream.closed) {
    while (queue.length > 0 && !stream.aborted) await send(queue.shift()!)
    if (stream.aborted) return
    await new Promise<void>((resolve) => setWake(resolve))
    setWake(undefined)
  }
}
