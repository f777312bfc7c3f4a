/** `/v2/tasks` and `POST /v2/tasks/delete` (Marathon TasksResource). */
import { Hono } from 'hono'
import { MarathonError } from '../model/errors.ts'
import { isObject } from '../model/read-json.ts'
import type { Deployment } from '../scheduler/deployments.ts'
import type { Instance } from '../scheduler/instance.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { taskJson } from './render-app.ts'
import { deploymentResult, flag, readJson } from './request.ts'

const STATUS: Record<string, string[]> = { running: ['TASK_RUNNING'], staging: ['TASK_STAGING', 'TASK_STARTING'] }

export function tasksRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()
  r.get('/v2/tasks', (c) => {
    const wanted = [...(c.req.queries('status') ?? []), ...(c.req.queries('status[]') ?? [])].flatMap((s) => STATUS[s.toLowerCase()] ?? [])
    const tasks: Record<string, unknown>[] = []
    for (const inst of m.tracker.all()) {
      if (!inst.taskId || inst.condition === 'Scheduled') continue
      const json = taskJson(m, inst)
      if (wanted.length === 0 || wanted.includes(String(json.state))) tasks.push(json)
    }
    return c.json({ tasks })
  })

  r.post('/v2/tasks/delete', async (c) => {
    const body = await readJson(c)
    if (!isObject(body) || !Array.isArray(body.ids) || !body.ids.every((x) => typeof x === 'string'))
      throw MarathonError.invalidJson([{ path: '/ids', errors: ['error.expected.jsarray'] }])
    const scale = flag(c, 'scale')
    const wipe = flag(c, 'wipe')
    if (scale && wipe) throw new MarathonError(400, { message: 'You cannot use scale and wipe at the same time.' })
    for (const id of body.ids as string[]) {
      if (!/\._app\.\d+$|\.[0-9a-f-]{36}$/.test(id)) throw new MarathonError(400, { message: `Invalid task id '${id}'` })
    }
    const byApp = new Map<string, Instance[]>()
    for (const id of body.ids as string[]) {
      const inst = m.findInstanceByTask(id)
      if (inst) byApp.set(inst.appId, [...(byApp.get(inst.appId) ?? []), inst])
    }
    const rendered = [...byApp.values()].flat().map((i) => taskJson(m, i))
    let last: Deployment | undefined
    for (const [appId, list] of byApp) last = m.killTasks(appId, list, { scale, wipe, force: flag(c, 'force') }) ?? last
    if (scale && last) return deploymentResult(c, last)
    return c.json({ tasks: rendered })
  })
  return r
}
