/** `/api/nodes`: agents list and detail, and maintenance actions through the v1 operator API. */
import { DrainNodeSchema, NodeParamSchema, NodesQuerySchema } from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import type { MesosMaintenanceStatus } from '../upstreams/mesos/index.ts'
import { listNodes } from '../views/nodes/list-nodes.ts'
import { nodeDetail } from '../views/nodes/node-detail.ts'
import { validate } from './validate.ts'

/** Maintenance status is optional decoration: a master without maintenance support still lists nodes. */
async function maintenanceOrUndefined(p: Promise<MesosMaintenanceStatus>) {
  return p.catch(() => undefined)
}

/** Node routes. */
export function nodesRoutes() {
  return new Hono<BffEnv>()
    .get('/', validate('query', NodesQuerySchema), async (c) => {
      const { mesos } = c.var.upstreams
      const [summary, maintenance] = await Promise.all([mesos.stateSummary(), maintenanceOrUndefined(mesos.maintenanceStatus())])
      return c.json(listNodes(summary, maintenance, c.req.valid('query')), 200)
    })
    .get('/:id', validate('param', NodeParamSchema), async (c) => {
      const { mesos } = c.var.upstreams
      const { id } = c.req.valid('param')
      const [summary, maintenance, tasks] = await Promise.all([mesos.stateSummary(), maintenanceOrUndefined(mesos.maintenanceStatus()), mesos.getTasks()])
      return c.json(nodeDetail(id, summary, maintenance, tasks), 200)
    })
    .post('/:id/drain', requirePermission('maintenance'), validate('param', NodeParamSchema), validate('json', DrainNodeSchema), async (c) => {
      const { id } = c.req.valid('param')
      await c.var.upstreams.mesos.drainAgent(id, c.req.valid('json'))
      return c.json({ ok: true as const }, 200)
    })
    .post('/:id/deactivate', requirePermission('maintenance'), validate('param', NodeParamSchema), async (c) => {
      await c.var.upstreams.mesos.deactivateAgent(c.req.valid('param').id)
      return c.json({ ok: true as const }, 200)
    })
    .post('/:id/reactivate', requirePermission('maintenance'), validate('param', NodeParamSchema), async (c) => {
      await c.var.upstreams.mesos.reactivateAgent(c.req.valid('param').id)
      return c.json({ ok: true as const }, 200)
    })
}
