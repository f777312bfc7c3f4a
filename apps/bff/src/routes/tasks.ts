/** `/api/tasks/:id`: one Mesos task in detail (status history, placement, resources, sandbox). Logs are in logs.ts. */
import { TaskParamSchema } from '@meridian/api'
import { Hono } from 'hono'
import type { BffEnv } from '../env.ts'
import { loadTaskDetail } from '../loaders/task-detail-loader.ts'
import { validate } from './validate.ts'

/** Task detail route. */
export function tasksRoutes() {
  return new Hono<BffEnv>().get('/:id', validate('param', TaskParamSchema), async (c) => c.json(await loadTaskDetail(c.var.upstreams, c.req.valid('param').id), 200))
}
