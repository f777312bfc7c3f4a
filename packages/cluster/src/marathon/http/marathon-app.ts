/**
 * Marathon's HTTP API as one Hono app, mounted by the cluster under `/service/marathon` and
 * the deprecated `/marathon` alias. Errors become Marathon's `{message, details?}` envelope.
 */
import { Hono } from 'hono'
import { MarathonError } from '../model/errors.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { appsRoutes } from './apps-routes.ts'
import { deploymentsRoutes } from './deployments-routes.ts'
import { eventsRoutes } from './events-routes.ts'
import { groupsRoutes } from './groups-routes.ts'
import { infoRoutes } from './info-routes.ts'
import { queueRoutes } from './queue-routes.ts'
import { tasksRoutes } from './tasks-routes.ts'

export function marathonHttp(m: MarathonScheduler): Hono {
  const app = new Hono()
  app.onError((err, c) => {
    if (err instanceof MarathonError) return c.json(err.body, err.status)
    console.error('[marathon] request failed', err)
    return c.json({ message: err.message }, 500)
  })
  app.route('/', infoRoutes(m))
  app.route('/', appsRoutes(m))
  app.route('/', tasksRoutes(m))
  app.route('/', groupsRoutes(m))
  app.route('/', deploymentsRoutes(m))
  app.route('/', queueRoutes(m))
  app.route('/', eventsRoutes(m))
  return app
}
