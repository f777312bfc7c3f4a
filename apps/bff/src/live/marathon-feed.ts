/**
 * Keeps Marathon's `/v2/events` SSE stream open (parsed with eventsource-parser) and the BFF's
 * Marathon mirror current. Marathon keeps no replay, so every (re)attach reloads the mirror
 * (`/v2/groups` + `/v2/queue`) and publishes a resync; loss → reconnect with backoff.
 * `service.changed` deltas go out through `withServiceSnapshots` (one re-read of the app per
 * burst, carrying the new row), and each re-read app is patched into (or added to) the mirror;
 * an app that could not be re-read triggers one debounced full reload. The launch queue changes without events (offers declined, backoff over), so it is
 * re-read every `queueRefreshMs` and rows whose status moved go out. Marathon sends nothing on a quiet stream, so after `idleMs` of silence the feed
 * asks `/ping`: an answer keeps the stream, none drops it (a stalled connection never ends).
 */
import type { LiveDelta, ServiceView } from '@meridian/api'
import { createParser } from 'eventsource-parser'
import { MarathonMirror } from '../mirror/marathon-mirror.ts'
import type { MarathonClient } from '../upstreams/marathon/index.ts'
import type { LiveFeed } from './hub.ts'
import { flattenServices } from '../views/services/to-service-view.ts'
import { marathonDeltas } from './marathon-deltas.ts'
import { withServiceSnapshots, type ServiceSnapshotOptions } from './service-snapshots.ts'
import { UpstreamStream } from './upstream-stream.ts'

export interface MarathonFeedOptions {
  backoffBaseMs?: number
  snapshots?: ServiceSnapshotOptions
  /** silence after which the stream is reopened (ms, default 60 s) */
  idleMs?: number
  /** time allowed until `event_stream_attached` (ms, default 15 s) */
  connectTimeoutMs?: number
  /** how often the launch queue is re-read (ms, default 5 s): it changes without events */
  queueRefreshMs?: number
}

export interface MarathonFeed extends LiveFeed {
  readonly mirror: MarathonMirror
}

/** Creates the feed. */
export function marathonFeed(marathon: MarathonClient, opts: MarathonFeedOptions = {}): MarathonFeed {
  const mirror = new MarathonMirror()
  let publish: ((d: LiveDelta) => void) | undefined
  let snapshots: ReturnType<typeof withServiceSnapshots> | undefined
  let everAttached = false
  let reloadTimer: ReturnType<typeof setTimeout> | undefined
  let queueTimer: ReturnType<typeof setInterval> | undefined
  let queueReading = false
  const refreshQueue = async () => {
    if (!mirror.synced || queueReading) return
    queueReading = true
    try {
      for (const service of mirror.setQueue(await marathon.queue())) publish?.({ type: 'service.changed', serviceId: service.id, reason: 'task', service })
    } catch {
      // the next tick retries; a lost Marathon shows through the event stream
    } finally {
      queueReading = false
    }
  }

  /**
   * Reloads the mirror and tells what moved against what it held: rows that differ, and whether
   * services or groups appeared or went (then only a resync describes it).
   */
  const reload = async (): Promise<{ rows: ServiceView[]; structural: boolean }> => {
    const before = mirror.tree()
    const [root, queue] = await Promise.all([marathon.groups(), marathon.queue()])
    mirror.load(root, queue)
    const after = mirror.tree()
    if (!before || !after) return { rows: [], structural: true }
    const old = new Map(flattenServices(before).map((r) => [r.id, JSON.stringify(r)]))
    const rows: ServiceView[] = []
    let structural = false
    for (const row of flattenServices(after)) {
      const prev = old.get(row.id)
      if (prev === undefined) structural = true
      else if (prev !== JSON.stringify(row)) rows.push(row)
      old.delete(row.id)
    }
    return { rows, structural: structural || old.size > 0 }
  }
  // After a routine quiet-stream reopen, "down" is not announced unless the reopen fails.
  let quietReopen = false
  let announcedDown = false
  const reloadSoon = () => {
    if (reloadTimer) return
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined
      // A failed reload leaves the mirror as it was; reattaching retries it.
      reload().catch(() => stream.reconnect())
    }, 250)
    reloadTimer.unref?.()
  }

  const stream = new UpstreamStream({
    idleMs: opts.idleMs ?? 60_000,
    connectTimeoutMs: opts.connectTimeoutMs ?? 15_000,
    ...(opts.backoffBaseMs !== undefined ? { backoffBaseMs: opts.backoffBaseMs } : {}),
    onLost: (reason) => {
      if (reason === 'idle' && !quietReopen && !announcedDown) {
        quietReopen = true
        return
      }
      quietReopen = false
      mirror.setStream(false)
      announcedDown = true
      publish?.({ type: 'upstream.status', upstream: 'marathon', connected: false })
    },
    async open(attempt) {
      const res = await marathon.events(attempt.signal)
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => undefined)
        throw new Error(`Marathon /v2/events answered ${res.status}`)
      }
      let attached: Promise<void> | undefined
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
            attempt.connected()
            const routine = quietReopen && mirror.synced
            attached = reload().then(({ rows, structural }) => {
              mirror.setStream(true)
              quietReopen = false
              if (!routine || announcedDown) publish?.({ type: 'upstream.status', upstream: 'marathon', connected: true })
              announcedDown = false
              // After an outage clients refetch everything; after a routine reopen they get just
              // the rows that moved in the gap (a resync only if services came or went).
              if (!routine || structural) publish?.({ type: 'resync', reason: everAttached ? 'upstream-reconnected' : 'initial' })
              else for (const service of rows) publish?.({ type: 'service.changed', serviceId: service.id, reason: 'definition', service })
              everAttached = true
            })
            return
          }
          for (const d of marathonDeltas(type, data)) (snapshots?.publish ?? publish)?.(d)
        },
      })
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          attempt.alive()
          parser.feed(value)
          // A mirror that cannot load is as good as no stream: fail and reconnect.
          if (attached) await attached
        }
      } finally {
        reader.cancel().catch(() => undefined)
      }
    },
  })

  return {
    mirror,
    retryNow: () => stream.retryNow(),
    start(p) {
      if (stream.running) return
      publish = p
      snapshots = withServiceSnapshots(marathon, p, opts.snapshots, {
        app: (app, queued) => {
          if (!mirror.patchApp(app, queued)) reloadSoon()
        },
        removed: (id) => mirror.removeApp(id),
        failed: () => reloadSoon(),
      })
      stream.start()
      queueTimer = setInterval(() => void refreshQueue(), opts.queueRefreshMs ?? 5000)
      queueTimer.unref?.()
    },
    stop() {
      stream.stop()
      if (queueTimer) clearInterval(queueTimer)
      queueTimer = undefined
      mirror.setStream(false)
      snapshots?.stop()
      if (reloadTimer) clearTimeout(reloadTimer)
      reloadTimer = undefined
      publish = undefined
    },
  }
}
