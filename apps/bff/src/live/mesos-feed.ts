/**
 * Keeps one Mesos SUBSCRIBE stream open. On every (re)subscription it publishes a resync (the
 * SUBSCRIBED snapshot may differ from what clients hold); on loss it reconnects with backoff.
 * No event for 5 heartbeat intervals counts as a loss (Mesos operator API guidance).
 */
import type { LiveDelta } from '@meridian/api'
import type { MesosClient } from '../upstreams/mesos/index.ts'
import { backoffDelay } from './backoff.ts'
import type { LiveFeed } from './hub.ts'
import { MesosDeltaMapper } from './mesos-deltas.ts'

/** Creates the feed. */
export function mesosFeed(mesos: MesosClient, opts: { backoffBaseMs?: number } = {}): LiveFeed {
  let controller: AbortController | undefined
  let stopped = true
  // Each start() gets a generation; a loop from an earlier start that wakes from its backoff
  // after stop() + start() sees a newer generation and ends instead of running a second stream.
  let generation = 0
  let everConnected = false

  async function run(publish: (d: LiveDelta) => void, gen: number): Promise<void> {
    let attempt = 0
    while (!stopped && gen === generation) {
      controller = new AbortController()
      const mapper = new MesosDeltaMapper()
      let heartbeatMs = 15_000
      let watchdog: ReturnType<typeof setTimeout> | undefined
      const arm = (c: AbortController) => {
        if (watchdog) clearTimeout(watchdog)
        watchdog = setTimeout(() => c.abort(), heartbeatMs * 5)
        watchdog.unref?.()
      }
      try {
        arm(controller)
        for await (const event of mesos.subscribe(controller.signal)) {
          arm(controller)
          if (event.type === 'SUBSCRIBED') {
            heartbeatMs = (event.subscribed.heartbeat_interval_seconds ?? 15) * 1000
            attempt = 0
            publish({ type: 'upstream.status', upstream: 'mesos', connected: true })
            publish({ type: 'resync', reason: everConnected ? 'upstream-reconnected' : 'initial' })
            everConnected = true
          }
          for (const d of mapper.map(event)) publish(d)
        }
      } catch {
        // fall through to reconnect
      } finally {
        if (watchdog) clearTimeout(watchdog)
      }
      if (stopped || gen !== generation) return
      publish({ type: 'upstream.status', upstream: 'mesos', connected: false })
      await new Promise((r) => setTimeout(r, backoffDelay(attempt++, opts.backoffBaseMs ?? 500)))
    }
  }

  return {
    start(publish) {
      if (!stopped) return
      stopped = false
      void run(publish, ++generation)
    },
    stop() {
      stopped = true
      generation++
      controller?.abort()
    },
  }
}
