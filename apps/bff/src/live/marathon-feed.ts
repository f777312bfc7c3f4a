/**
 * Keeps Marathon's `/v2/events` SSE stream open (parsed with eventsource-parser). Marathon
 * keeps no replay, so every (re)attach publishes a resync; loss → reconnect with backoff.
 * `service.changed` deltas go out through `withServiceSnapshots` (one re-read of the app per
 * burst, carrying the new row).
 */
import type { LiveDelta } from '@meridian/api'
import { createParser } from 'eventsource-parser'
import type { MarathonClient } from '../upstreams/marathon/index.ts'
import { backoffDelay } from './backoff.ts'
import type { LiveFeed } from './hub.ts'
import { marathonDeltas } from './marathon-deltas.ts'
import { withServiceSnapshots, type ServiceSnapshotOptions } from './service-snapshots.ts'

/** Creates the feed. */
export function marathonFeed(marathon: MarathonClient, opts: { backoffBaseMs?: number; snapshots?: ServiceSnapshotOptions } = {}): LiveFeed {
  let controller: AbortController | undefined
  let stopped = true
  // Each start() gets a generation; a loop from an earlier start that wakes from its backoff
  // after stop() + start() sees a newer generation and ends instead of running a second stream.
  let generation = 0
  let everAttached = false
  let snapshots: ReturnType<typeof withServiceSnapshots> | undefined

  async function run(publish: (d: LiveDelta) => void, gen: number): Promise<void> {
    let attempt = 0
    while (!stopped && gen === generation) {
      controller = new AbortController()
      try {
        const res = await marathon.events(controller.signal)
        if (!res.ok || !res.body) throw new Error(`Marathon /v2/events answered ${res.status}`)
        const parser = createParser({
          onEvent(ev) {
            let data: Record<string, unknown>
            try {
              data = JSON.parse(ev.data) as Record<string, unknown>
            } catch {
              return
            }
            const type = ev.event ?? (typeof data.eventType === 'string' ? data.eventType : '')
            if (type === 'event_stream_attached') {
              attempt = 0
              publish({ type: 'upstream.status', upstream: 'marathon', connected: true })
              publish({ type: 'resync', reason: everAttached ? 'upstream-reconnected' : 'initial' })
              everAttached = true
              return
            }
            for (const d of marathonDeltas(type, data)) (snapshots?.publish ?? publish)(d)
          },
        })
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          parser.feed(value)
        }
      } catch {
        // reconnect below
      }
      if (stopped || gen !== generation) return
      publish({ type: 'upstream.status', upstream: 'marathon', connected: false })
      await new Promise((r) => setTimeout(r, backoffDelay(attempt++, opts.backoffBaseMs ?? 500)))
    }
  }

  return {
    start(publish) {
      if (!stopped) return
      stopped = false
      snapshots = withServiceSnapshots(marathon, publish, opts.snapshots)
      void run(publish, ++generation)
    },
    stop() {
      stopped = true
      generation++
      snapshots?.stop()
      controller?.abort()
    },
  }
}
