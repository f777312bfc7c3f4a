/**
 * Fills `service.changed` deltas with the service's current row. Marathon's events name the app
 * but not its new counts, status or health, so instead of every browser refetching the whole
 * tree per event, the BFF re-reads just that app (`GET /v2/apps/{id}`, counts and deployments
 * embedded) plus the launch queue (for Delayed / Waiting for resources), debounced per app, and
 * publishes one delta carrying the `ServiceView`. Queue reads are shared by re-reads that start
 * within `queueShareMs` of each other.
 */
import type { LiveDelta, ServiceDelta } from '@meridian/api'
import { AppError } from '../errors.ts'
import type { MarathonApp, MarathonClient, MarathonQueueItem } from '../upstreams/marathon/index.ts'
import { indexQueue, toServiceView } from '../views/services/to-service-view.ts'
import { KeyedRereads } from './keyed-rereads.ts'

/** Options. */
export interface ServiceSnapshotOptions {
  debounceMs?: number
  queueShareMs?: number
}

/** Who else wants each re-read app (the Marathon mirror). */
export interface SnapshotSink {
  app(app: MarathonApp, queued: MarathonQueueItem | undefined): void
  removed(id: string): void
  /** the app could not be re-read: its state is unknown */
  failed(id: string): void
}

/** Wraps `publish`: service deltas go out enriched after the debounce, all others at once. */
export function withServiceSnapshots(marathon: MarathonClient, publish: (d: LiveDelta) => void, opts: ServiceSnapshotOptions = {}, sink?: SnapshotSink) {
  const reasons = new Map<string, ServiceDelta['reason']>()
  let queue: { at: number; items: Promise<Map<string, MarathonQueueItem>> } | undefined
  const queueShareMs = opts.queueShareMs ?? 100
  const currentQueue = () => {
    if (!queue || Date.now() - queue.at > queueShareMs) queue = { at: Date.now(), items: marathon.queue().then(indexQueue) }
    return queue.items
  }

  const rereads = new KeyedRereads<string>(async (serviceId) => {
    const reason = reasons.get(serviceId) ?? 'definition'
    reasons.delete(serviceId)
    try {
      const [app, q] = await Promise.all([marathon.app(serviceId), currentQueue()])
      sink?.app(app, q.get(serviceId))
      publish({ type: 'service.changed', serviceId, reason, service: toServiceView(app, q.get(serviceId)) })
    } catch (err) {
      if (err instanceof AppError && err.kind === 'NotFound') {
        sink?.removed(serviceId)
        publish({ type: 'service.changed', serviceId, reason: 'removed' })
      } else {
        sink?.failed(serviceId)
        publish({ type: 'service.changed', serviceId, reason }) // unknown state: the client refetches
      }
    }
  }, opts.debounceMs ?? 250)

  return {
    publish(d: LiveDelta): void {
      if (d.type !== 'service.changed') return publish(d)
      if (d.reason === 'removed') {
        sink?.removed(d.serviceId)
        rereads.cancel(d.serviceId)
        reasons.delete(d.serviceId)
        return publish(d)
      }
      // The most telling reason of a burst wins: a definition change outranks task/health churn.
      const prev = reasons.get(d.serviceId)
      reasons.set(d.serviceId, prev === 'definition' ? prev : d.reason)
      rereads.schedule(d.serviceId)
    },
    stop: () => rereads.stop(),
    restart: () => rereads.restart(),
  }
}
