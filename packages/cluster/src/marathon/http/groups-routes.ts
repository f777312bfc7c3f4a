/**
 * `/v2/groups` (Marathon GroupsResource): the group tree derived from app ids plus
 * explicitly created groups; POST/PUT/DELETE turn into one deployment for all apps touched.
 */
import { Hono, type Context } from 'hono'
import type { MarathonApp } from '../model/app-types.ts'
import { MarathonError } from '../model/errors.ts'
import { ancestorsOf, isUnder, normalizePathId, parentOf } from '../model/path-id.ts'
import { isObject } from '../model/read-json.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { appEmbeds, appInfoJson, appJson } from './render-app.ts'
import { basePath } from './apps-routes.ts'
import { deploymentResult, flag, readJson } from './request.ts'

interface Tree {
  apps: Map<string, MarathonApp[]>
  groups: Map<string, string[]>
}

function buildTree(m: MarathonScheduler): Tree {
  const apps = new Map<string, MarathonApp[]>()
  const all = new Set<string>(m.store.groups)
  for (const a of m.store.apps.values()) {
    const p = parentOf(a.id)
    apps.set(p, [...(apps.get(p) ?? []), a])
    for (const g of ancestorsOf(a.id)) all.add(g)
  }
  const groups = new Map<string, string[]>()
  for (const g of all) if (g !== '/') groups.set(parentOf(g), [...(groups.get(parentOf(g)) ?? []), g])
  return { apps, groups }
}

function groupJson(m: MarathonScheduler, tree: Tree, id: string, embed: Set<string>, appEmbed: Set<string>): Record<string, unknown> {
  const apps = (tree.apps.get(id) ?? []).sort((a, b) => a.id.localeCompare(b.id))
  return {
    id,
    apps: embed.has('group.apps') ? apps.map((a) => (appEmbed.size > 0 ? appInfoJson(m, a, appEmbed) : appJson(a))) : [],
    groups: embed.has('group.groups') ? (tree.groups.get(id) ?? []).sort().map((g) => groupJson(m, tree, g, embed, appEmbed)) : [],
    pods: [],
    dependencies: [],
    version: m.store.groupVersions.get(id) ?? m.store.groupVersions.get('/'),
    enforceRole: false,
  }
}

/** Collects the apps of a GroupUpdate body (recursively), ids resolved against the group. */
function collectApps(body: Record<string, unknown>, groupId: string, out: Array<{ id: string; raw: unknown }>, groups: string[]): void {
  groups.push(groupId)
  for (const a of Array.isArray(body.apps) ? body.apps : []) {
    if (!isObject(a) || typeof a.id !== 'string') throw MarathonError.invalidJson([{ path: '/apps/id', errors: ['error.path.missing'] }])
    out.push({ id: normalizePathId(a.id, groupId), raw: a })
  }
  for (const g of Array.isArray(body.groups) ? body.groups : []) {
    if (!isObject(g) || typeof g.id !== 'string') throw MarathonError.invalidJson([{ path: '/groups/id', errors: ['error.path.missing'] }])
    collectApps(g, normalizePathId(g.id, groupId), out, groups)
  }
}

export function groupsRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()
  const groupId = (c: Context): string => normalizePathId(c.req.param('rest') ?? '')

  const get = (c: Context) => {
    const id = groupId(c)
    if (id !== '/' && !m.store.groupExists(id)) throw MarathonError.notFound(`Group '${id}' does not exist`)
    const raw = c.req.queries('embed') ?? []
    const embed = new Set(raw.length > 0 ? raw.filter((e) => ['group.groups', 'group.apps', 'group.pods'].includes(e)) : ['group.groups', 'group.apps', 'group.pods'])
    const appEmbed = appEmbeds(raw.filter((e) => e.startsWith('group.apps.')))
    return c.json(groupJson(m, buildTree(m), id, embed, appEmbed))
  }
  r.get('/v2/groups', get)
  r.get('/v2/groups/:rest{.+}', get)

  const create = async (c: Context) => {
    const body = await readJson(c)
    if (!isObject(body)) throw MarathonError.invalidJson([{ path: '/', errors: ['error.expected.jsobject'] }])
    const id = normalizePathId(typeof body.id === 'string' ? body.id : '', groupId(c))
    if (m.store.groupExists(id) && id !== '/') throw new MarathonError(409, { message: `Group ${id} is already created. Use PUT to change this group.` })
    const apps: Array<{ id: string; raw: unknown }> = []
    const groups: string[] = []
    collectApps(body, id, apps, groups)
    if (m.store.apps.has(id)) throw new MarathonError(409, { message: `An app with id [${id}] already exists.` })
    const { deployment } = m.updateApps(apps, { force: flag(c, 'force'), partial: false })
    for (const g of groups) m.store.addGroup(g, deployment.version)
    c.header('Location', new URL(`${basePath(c)}/v2/groups${id}`, c.req.url).toString())
    return deploymentResult(c, deployment, 201)
  }
  r.post('/v2/groups', create)
  r.post('/v2/groups/:rest{.+}', create)

  const update = async (c: Context) => {
    const id = groupId(c)
    const body = await readJson(c)
    if (!isObject(body)) throw MarathonError.invalidJson([{ path: '/', errors: ['error.expected.jsobject'] }])
    if (typeof body.scaleBy === 'number') {
      if (!m.store.groupExists(id)) throw MarathonError.notFound(`Group '${id}' does not exist`)
      const factor = body.scaleBy
      const bodies = m.store.appsUnder(id).map((a) => ({ id: a.id, raw: { instances: Math.ceil(a.instances * factor) } }))
      return deploymentResult(c, m.updateApps(bodies, { force: flag(c, 'force'), partial: true }).deployment)
    }
    const apps: Array<{ id: string; raw: unknown }> = []
    const groups: string[] = []
    collectApps(body, id, apps, groups)
    const listed = new Set(apps.map((a) => a.id))
    // A GroupUpdate with `apps` replaces the group's apps: direct apps not listed are removed.
    const removed = Array.isArray(body.apps) ? m.store.appsUnder(id).filter((a) => parentOf(a.id) === id && !listed.has(a.id)) : []
    const { deployment } = m.updateApps(apps, { force: flag(c, 'force'), partial: false, remove: removed.map((a) => a.id) })
    for (const g of groups) m.store.addGroup(g, deployment.version)
    return deploymentResult(c, deployment)
  }
  r.put('/v2/groups', update)
  r.put('/v2/groups/:rest{.+}', update)

  const remove = (c: Context) => {
    const id = groupId(c)
    if (id !== '/' && !m.store.groupExists(id)) throw MarathonError.notFound(`Group '${id}' does not exist`)
    const { deployment } = m.updateApps([], { force: flag(c, 'force'), partial: false, remove: m.store.appsUnder(id).map((a) => a.id) })
    for (const g of [...m.store.groups]) if (g === id || isUnder(g, id)) if (g !== '/') m.store.groups.delete(g)
    return deploymentResult(c, deployment)
  }
  r.delete('/v2/groups', remove)
  r.delete('/v2/groups/:rest{.+}', remove)
  return r
}
