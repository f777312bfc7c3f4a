/**
 * `/api/services`: the Marathon group tree merged with task data, detail, and actions. Ids are
 * absolute Marathon ids, URL-encoded into one path segment (`%2Fprod%2Fweb`), validated by
 * `ServiceIdSchema` before any upstream URL is built.
 */
import {
  AppDefinitionSchema,
  DeploymentParamSchema,
  EditServiceSchema,
  ForceQuerySchema,
  KillTasksSchema,
  RollbackServiceSchema,
  ScaleServiceSchema,
  ServiceParamSchema,
  ServiceVersionParamSchema,
  type ServiceGroupView,
} from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { indexQueue } from '../views/services/to-service-view.ts'
import { serviceDetail } from '../views/services/service-detail.ts'
import { toServiceVersionView } from '../views/services/version-definition.ts'
import { loadServiceTree } from '../loaders/services-loader.ts'
import { BodyCache } from '../mirror/body-cache.ts'
import type { MarathonMirror } from '../mirror/marathon-mirror.ts'
import { ServicesBody } from '../mirror/services-body.ts'
import { jsonText } from './json-text.ts'
import { validate } from './validate.ts'

const write = requirePermission('workload')
const forced = (q: { force?: 'true' | 'false' }) => q.force === 'true'

/** Service routes; the list comes from the Marathon mirror when it is in sync. */
export function servicesRoutes(mirror?: MarathonMirror) {
  const bodies = new BodyCache()
  const serializer = new ServicesBody()
  return new Hono<BffEnv>()
    .get('/', async (c) => {
      const tree = mirror?.synced ? mirror.tree() : undefined
      if (mirror && tree) return jsonText<{ root: ServiceGroupView }>(c, bodies.get(`tree@${mirror.structureVersion}`, mirror.version, () => serializer.build(tree)))
      return c.json({ root: await loadServiceTree(c.var.upstreams, mirror) }, 200)
    })
    .get('/:id', validate('param', ServiceParamSchema), async (c) => {
      const { marathon } = c.var.upstreams
      const { id } = c.req.valid('param')
      const [app, versions, deployments, queue] = await Promise.all([marathon.app(id), marathon.appVersions(id), marathon.deployments(), marathon.queue()])
      return c.json(serviceDetail(app, versions, deployments, indexQueue(queue).get(id)), 200)
    })
    // One stored definition, for the Configuration tab's version diff. Marathon answers 404 for an
    // unknown app or an unknown version of it, which maps to NotFound.
    .get('/:id/versions/:version', validate('param', ServiceVersionParamSchema), async (c) => {
      const { id, version } = c.req.valid('param')
      return c.json(toServiceVersionView(id, version, await c.var.upstreams.marathon.appVersion(id, version)), 200)
    })
    .post('/', write, validate('json', AppDefinitionSchema), async (c) => {
      return c.json(await c.var.upstreams.marathon.createApp(c.req.valid('json')), 201)
    })
    .put('/:id', write, validate('param', ServiceParamSchema), validate('query', ForceQuerySchema), validate('json', EditServiceSchema), async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      if (body.id !== undefined && body.id !== id) throw new AppError('ValidationFailed', 'The id in the body must match the service', { details: [{ path: '/id', errors: [`must be ${id}`] }] })
      return c.json(await c.var.upstreams.marathon.updateApp(id, body, { force: forced(c.req.valid('query')), partialUpdate: false }), 200)
    })
    .post('/:id/scale', write, validate('param', ServiceParamSchema), validate('query', ForceQuerySchema), validate('json', ScaleServiceSchema), async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await c.var.upstreams.marathon.updateApp(id, { instances: c.req.valid('json').instances }, { force: forced(c.req.valid('query')) }), 200)
    })
    .post('/:id/suspend', write, validate('param', ServiceParamSchema), validate('query', ForceQuerySchema), async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await c.var.upstreams.marathon.updateApp(id, { instances: 0 }, { force: forced(c.req.valid('query')) }), 200)
    })
    .post('/:id/resume', write, validate('param', ServiceParamSchema), validate('json', ScaleServiceSchema.partial()), async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await c.var.upstreams.marathon.updateApp(id, { instances: c.req.valid('json').instances ?? 1 }), 200)
    })
    .post('/:id/restart', write, validate('param', ServiceParamSchema), validate('query', ForceQuerySchema), async (c) => {
      return c.json(await c.var.upstreams.marathon.restartApp(c.req.valid('param').id, forced(c.req.valid('query'))), 200)
    })
    .post('/:id/rollback', write, validate('param', ServiceParamSchema), validate('query', ForceQuerySchema), validate('json', RollbackServiceSchema), async (c) => {
      const { id } = c.req.valid('param')
      const { marathon } = c.var.upstreams
      // Marathon rolls back by PUTting an older version (the UI's "apply this version").
      const previous = await marathon.appVersion(id, c.req.valid('json').version)
      const { version: _v, versionInfo: _vi, ...definition } = previous
      return c.json(await marathon.updateApp(id, definition, { force: forced(c.req.valid('query')), partialUpdate: false }), 200)
    })
    .delete('/:id', write, validate('param', ServiceParamSchema), async (c) => {
      return c.json(await c.var.upstreams.marathon.deleteApp(c.req.valid('param').id, true), 200)
    })
    .post('/:id/kill-tasks', write, validate('param', ServiceParamSchema), validate('json', KillTasksSchema), async (c) => {
      const { id } = c.req.valid('param')
      const { taskIds, scale, wipe } = c.req.valid('json')
      // Only tasks of this app: Marathon task ids start with the app's safe id (`/a/b` → `a_b.`).
      const prefix = id.slice(1).replaceAll('/', '_') + '.'
      const foreign = taskIds.filter((t) => !t.startsWith(prefix))
      if (foreign.length > 0) throw new AppError('ValidationFailed', `Tasks do not belong to ${id}`, { details: [{ path: '/taskIds', errors: foreign }] })
      await c.var.upstreams.marathon.killTasks(taskIds, { ...(scale !== undefined ? { scale } : {}), ...(wipe !== undefined ? { wipe } : {}) })
      return c.json({ ok: true as const }, 200)
    })
}

/** `/api/deployments/:id` (stop with rollback, or `force=true` to just stop). */
export function deploymentsRoutes() {
  return new Hono<BffEnv>().delete('/:id', write, validate('param', DeploymentParamSchema), validate('query', ForceQuerySchema), async (c) => {
    await c.var.upstreams.marathon.deleteDeployment(c.req.valid('param').id, forced(c.req.valid('query')))
    return c.json({ ok: true as const }, 200)
  })
}
