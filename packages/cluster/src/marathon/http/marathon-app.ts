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
  // Marathon's v2 resources are `@Consumes(APPLICATION_JSON)`: Jersey rejects a request body
  // declared as anything else (e.g. curl's default form encoding) with 415 before the resource
  // runs, and MarathonExceptionMapper renders the status's reason phrase. No Content-Type
  // matches any @Consumes, so body-less calls (restart, delete) stay accepted.
  app.use('/v2/*', async (c, next) => {
    const type = c.req.header('content-type')
    if (type !== undefined && type.trim() !== '' && !isJsonMediaType(type)) throw new MarathonError(415, { message: 'Unsupported Media Type' })
    await next()
  })
  app.route('/', infoRoutes(m))
  app.route('/', appsRoutes(m))
  app.route('/', tasksRoutes(m))
  app.route('/', groupsRoutes(m))
  app.route('/', deploymentsRoutes(m))
  app.route('/', queueRoutes(m))
  app.route('/', eventsRoutes(m))
  // Jersey's NotFoundException for a path no resource matches, through MarathonExceptionMapper:
  // 404 {"message": "URI not found: <raw path>"} (path relative to Marathon's root).
  app.all('*', (c) => {
    const own = c.req.path.replace(/^\/(?:service\/)?marathon(?=\/|$)/, '')
    return c.json({ message: `URI not found: ${own === '' ? '/' : own}` }, 404)
  })
  return app
}

/** `application/json` (any parameters) or a JSON-accepting wildcard, as JAX-RS media-type matching treats them. */
function isJsonMediaType(header: string): boolean {
  const type = header.split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || type === 'application/*' || type === '*/*'
}
