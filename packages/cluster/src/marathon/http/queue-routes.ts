/** `/v2/queue` and `DELETE /v2/queue/{appId}/delay` (Marathon QueueResource). */
import { Hono } from 'hono'
import { MarathonError, appNotFound } from '../model/errors.ts'
import { normalizePathId } from '../model/path-id.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { rejectFunnel } from '../scheduler/offer-matcher.ts'
import { appJson } from './render-app.ts'

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString())

export function queueRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()
  r.get('/v2/queue', (c) => {
    const withOffers = (c.req.queries('embed') ?? []).includes('lastUnusedOffers')
    const queue = [...m.queue.stats.entries()].flatMap(([appId, s]) => {
      const app = m.store.apps.get(appId)
      const count = m.queue.scheduledOf(appId).length
      if (!app || count === 0) return []
      const left = m.queue.delayLeftMs(appId)
      return [
        {
          app: appJson(app),
          count,
          delay: { timeLeftSeconds: Math.ceil(left / 1000), overdue: left === 0 },
          since: iso(s.since),
          role: app.role,
          processedOffersSummary: {
            processedOffersCount: s.processedOffersCount,
            unusedOffersCount: s.unusedOffersCount,
            ...(s.lastUnusedOfferAt !== undefined ? { lastUnusedOfferAt: iso(s.lastUnusedOfferAt) } : {}),
            ...(s.lastUsedOfferAt !== undefined ? { lastUsedOfferAt: iso(s.lastUsedOfferAt) } : {}),
            rejectSummaryLastOffers: rejectFunnel(s.lastRound.total, s.lastRound.declined),
            rejectSummaryLaunchAttempt: rejectFunnel(s.launchAttempts.total, s.launchAttempts.declined),
          },
          ...(withOffers ? { lastUnusedOffers: s.lastUnusedOffers } : {}),
        },
      ]
    })
    return c.json({ queue })
  })
  r.delete('/v2/queue/:rest{.+}/delay', (c) => {
    const id = normalizePathId(c.req.param('rest'))
    if (!m.store.apps.has(id)) throw appNotFound(id)
    if (m.queue.scheduledOf(id).length === 0 && m.queue.delayLeftMs(id) === 0)
      throw MarathonError.notFound(`Application ${id} not found in tasks queue.`)
    m.queue.resetDelay(id)
    return c.body(null, 204)
  })
  return r
}
