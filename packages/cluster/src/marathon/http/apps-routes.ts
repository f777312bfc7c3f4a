/**
 * `/v2/apps` routes (Marathon AppsResource / AppTasksResource / AppVersionsResource). App ids
 * contain slashes, so everything below `/v2/apps/` is one wildcard dispatched by suffix.
 */
import { Hono, type Context } from 'hono'
import { MarathonError, appNotFound } from '../model/errors.ts'
import { isUnder, normalizePathId } from '../model/path-id.ts'
import { isObject } from '../model/read-json.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { appEmbeds, appInfoJson, appJson, launchedInstances, taskJson } from './render-app.ts'
import { deploymentResult, flag, labelSelector, readJson } from './request.ts'

const SINGLE_APP_EMBEDS = ['counts', 'tasks', 'deployments', 'lastTaskFailure']

export function appsRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()

  r.get('/v2/apps', (c) => {
    const embed = appEmbeds(c.req.queries('embed') ?? [])
    const id = c.req.query('id')?.toLowerCase()
    const cmd = c.req.query('cmd')
    const label = c.req.query('label')
    const matchLabel = label ? labelSelector(label) : undefined
    const apps = [...m.store.apps.values()].filter(
      (a) => (!id || a.id.toLowerCase().includes(id)) && (!cmd || (a.cmd ?? '').includes(cmd)) && (!matchLabel || matchLabel(a.labels)),
    )
    return c.json({ apps: apps.map((a) => appInfoJson(m, a, embed)) })
  })

  r.post('/v2/apps', async (c) => {
    const raw = await readJson(c)
    const { app, deployment } = m.createApp(raw, flag(c, 'force'))
    m.bus.publish('api_post_event', { clientIp: clientIp(c), uri: '/v2/apps', appDefinition: appJson(app) })
    c.header('Location', new URL(`${basePath(c)}/v2/apps${app.id}`, c.req.url).toString())
    c.header('Marathon-Deployment-Id', deployment.id)
    return c.json({ ...appInfoJson(m, app, new Set()), tasks: [] }, 201)
  })

  const updateMany = (partialDefault: boolean) => async (c: Context) => {
    const raw = await readJson(c)
    if (!Array.isArray(raw)) throw MarathonError.invalidJson([{ path: '/', errors: ['error.expected.jsarray'] }])
    const bodies = raw.map((x) => ({ id: normalizePathId(isObject(x) && typeof x.id === 'string' ? x.id : ''), raw: x }))
    const { deployment } = m.updateApps(bodies, { force: flag(c, 'force'), partial: flag(c, 'partialUpdate', partialDefault), mustExist: c.req.method === 'PATCH' })
    return deploymentResult(c, deployment)
  }
  r.put('/v2/apps', updateMany(true))
  r.patch('/v2/apps', updateMany(true))

  r.on(['GET', 'PUT', 'PATCH', 'DELETE', 'POST'], '/v2/apps/:rest{.+}', async (c) => {
    const segs = c.req.param('rest').split('/').filter((s) => s !== '')
    const method = c.req.method
    const tail = segs[segs.length - 1]
    const before = segs[segs.length - 2]
    if (tail === '*' && method === 'GET') return listGroupApps(c, m, normalizePathId(segs.slice(0, -1).join('/')))
    if (tail === 'restart' && method === 'POST') {
      const d = m.restartApp(normalizePathId(segs.slice(0, -1).join('/')), flag(c, 'force'))
      return deploymentResult(c, d)
    }
    if (tail === 'tasks') return appTasks(c, m, normalizePathId(segs.slice(0, -1).join('/')))
    if (before === 'tasks') return oneTask(c, m, normalizePathId(segs.slice(0, -2).join('/')), tail!)
    if (tail === 'versions' && method === 'GET') {
      const id = normalizePathId(segs.slice(0, -1).join('/'))
      const versions = m.store.versions.get(id)
      if (!versions) throw appNotFound(id)
      return c.json({ versions: [...versions.keys()].reverse() })
    }
    if (before === 'versions' && method === 'GET') {
      const id = normalizePathId(segs.slice(0, -2).join('/'))
      const app = m.store.versions.get(id)?.get(tail!)
      if (!m.store.versions.has(id)) throw appNotFound(id)
      if (!app) throw MarathonError.notFound(`App '${id}' does not exist in version ${tail}`)
      return c.json(appJson(app))
    }
    const id = normalizePathId(segs.join('/'))
    switch (method) {
      case 'GET': {
        const app = m.store.apps.get(id)
        if (!app) throw appNotFound(id)
        const embed = appEmbeds([...SINGLE_APP_EMBEDS, ...(c.req.queries('embed') ?? [])])
        return c.json({ app: appInfoJson(m, app, embed) })
      }
      case 'PUT':
      case 'PATCH': {
        const raw = await readJson(c)
        const partial = method === 'PATCH' || flag(c, 'partialUpdate', true)
        const { deployment, created } = m.updateApps([{ id, raw }], { force: flag(c, 'force'), partial, mustExist: method === 'PATCH' })
        const app = m.store.apps.get(id)
        if (app) m.bus.publish('api_post_event', { clientIp: clientIp(c), uri: `/v2/apps${id}`, appDefinition: appJson(app) })
        if (created) c.header('Location', new URL(`${basePath(c)}/v2/apps${id}`, c.req.url).toString())
        return deploymentResult(c, deployment, created ? 201 : 200)
      }
      case 'DELETE':
        // App DELETE defaults to force=true (every other deployable call defaults to false).
        return deploymentResult(c, m.deleteApp(id, flag(c, 'force', true)))
      default:
        throw MarathonError.notFound(`URI not found: ${c.req.path}`)
    }
  })
  return r
}

function listGroupApps(c: Context, m: MarathonScheduler, group: string): Response {
  if (!m.store.groupExists(group)) throw MarathonError.notFound(`Group '${group}' does not exist`)
  const embed = appEmbeds(SINGLE_APP_EMBEDS)
  return c.json({ '*': [...m.store.apps.values()].filter((a) => isUnder(a.id, group)).map((a) => appInfoJson(m, a, embed)) })
}

function appTasks(c: Context, m: MarathonScheduler, id: string): Response {
  if (!m.store.apps.has(id)) throw appNotFound(id)
  const list = launchedInstances(m, id)
  if (c.req.method === 'GET') return c.json({ tasks: list.map((i) => taskJson(m, i)) })
  if (c.req.method !== 'DELETE') throw MarathonError.notFound(`URI not found: ${c.req.path}`)
  const host = c.req.query('host')
  const victims = list.filter((i) => !host || i.host === host)
  const scale = flag(c, 'scale')
  const wipe = flag(c, 'wipe')
  if (scale && wipe) throw new MarathonError(400, { message: 'You cannot use scale and wipe at the same time.' })
  const rendered = victims.map((i) => taskJson(m, i))
  const d = m.killTasks(id, victims, { scale, wipe, force: flag(c, 'force') })
  return d ? deploymentResult(c, d) : c.json({ tasks: rendered })
}

function oneTask(c: Context, m: MarathonScheduler, id: string, taskId: string): Response {
  if (!m.store.apps.has(id)) throw appNotFound(id)
  const inst = m.findInstanceByTask(taskId)
  if (!inst || inst.appId !== id) throw MarathonError.notFound(`Task '${taskId}' does not exist`)
  if (c.req.method === 'GET') return c.json({ task: taskJson(m, inst) })
  if (c.req.method !== 'DELETE') throw MarathonError.notFound(`URI not found: ${c.req.path}`)
  const scale = flag(c, 'scale')
  const wipe = flag(c, 'wipe')
  if (scale && wipe) throw new MarathonError(400, { message: 'You cannot use scale and wipe at the same time.' })
  const rendered = taskJson(m, inst)
  const d = m.killTasks(id, [inst], { scale, wipe, force: flag(c, 'force') })
  return d ? deploymentResult(c, d) : c.json({ task: rendered })
}

/** `/service/marathon` or `/marathon`: the prefix this request came in under. */
export function basePath(c: Context): string {
  const i = c.req.path.indexOf('/v2/')
  return i > 0 ? c.req.path.slice(0, i) : ''
}

export function clientIp(c: Context): string {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? '127.0.0.1'
}
