/** `/api/nodes`: agents list and detail, and maintenance actions through the v1 operator API. */
import { DrainNodeSchema, NodeParamSchema, NodesQuerySchema, type NodesListView } from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import { loadMesosState } from '../loaders/mesos-state-loader.ts'
import { BodyCache } from '../mirror/body-cache.ts'
import { NodesBody } from '../mirror/nodes-body.ts'
import type { MesosMirror } from '../mirror/mesos-mirror.ts'
import { listNodes } from '../views/nodes/list-nodes.ts'
import { nodeDetail, nodeDetailOf } from '../views/nodes/node-detail.ts'
import { jsonText } from './json-text.ts'
import { validate } from './validate.ts'

/** The Mesos mirror and how to ask it to re-read agent flags (after a maintenance call). */
export interface NodesSource {
  mirror?: MesosMirror
  refreshAgents?: () => void
}

/** Node routes: answered from the Mesos mirror when it is in sync, else from the master. */
export function nodesRoutes(source: NodesSource = {}) {
  const { mirror } = source
  const afterMaintenance = () => source.refreshAgents?.()
  const bodies = new BodyCache()
  const allNodes = mirror ? new NodesBody(mirror) : undefined
  return new Hono<BffEnv>()
    .get('/', validate('query', NodesQuerySchema), async (c) => {
      const query = c.req.valid('query')
      const { summary, maintenance, source: from } = await loadMesosState(c.var.upstreams.mesos, mirror)
      if (from === 'mirror' && mirror) {
        const q = JSON.stringify(query)
        // The console asks for all nodes and filters in the browser: that body is kept row by row.
        const build = q === '{}' && allNodes ? () => allNodes.build() : () => listNodes(summary, maintenance, query)
        // Agents coming or going, or a maintenance change, rebuild at once (not within the staleness window).
        return jsonText<NodesListView>(c, bodies.get(`${q}@${mirror.agentsVersion}.${mirror.maintenanceVersion}`, mirror.version, build))
      }
      return c.json(listNodes(summary, maintenance, query), 200)
    })
    .get('/:id', validate('param', NodeParamSchema), async (c) => {
      const { mesos } = c.var.upstreams
      const { id } = c.req.valid('param')
      const state = await loadMesosState(mesos, mirror)
      if (state.source === 'mirror' && mirror) {
        return c.json(nodeDetailOf(id, state.summary, state.maintenance, [...mirror.tasks.activeOn(id), ...mirror.tasks.completedOn(id)]), 200)
      }
      return c.json(nodeDetail(id, state.summary, state.maintenance, await mesos.getTasks()), 200)
    })
    .post('/:id/drain', requirePermission('maintenance'), validate('param', NodeParamSchema), validate('json', DrainNodeSchema), async (c) => {
      const { id } = c.req.valid('param')
      await c.var.upstreams.mesos.drainAgent(id, c.req.valid('json'))
      afterMaintenance()
      return c.json({ ok: true as const }, 200)
    })
    .post('/:id/deactivate', requirePermission('maintenance'), validate('param', NodeParamSchema), async (c) => {
      await c.var.upstreams.mesos.deactivateAgent(c.req.valid('param').id)
      afterMaintenance()
      return c.json({ ok: true as const }, 200)
    })
    .post('/:id/reactivate', requirePermission('maintenance'), validate('param', NodeParamSchema), async (c) => {
      await c.var.upstreams.mesos.reactivateAgent(c.req.valid('param').id)
      afterMaintenance()
      return c.json({ ok: true as const }, 200)
    })
}
