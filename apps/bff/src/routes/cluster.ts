/**
 * `/api/cluster`: the cluster's name, Mesos version and leading master, its DC/OS release and id,
 * and the console's mode; `/api/cluster/components`: DC/OS component health (dcos-diagnostics).
 */
import { ComponentParamSchema, type ClusterInfoView } from '@meridian/api'
import { Hono } from 'hono'
import type { BffEnv } from '../env.ts'
import { toClusterInfo } from '../views/cluster/to-cluster-info.ts'
import { toComponentNodes, toComponents } from '../views/cluster/to-components.ts'
import { validate } from './validate.ts'

/**
 * Two small operator calls rather than `/master/state-summary`, whose `cluster` field is the
 * same flag but which lists every agent (megabytes at 10,000 agents) for one string. The DC/OS
 * release and id are optional: a cluster that does not serve them still has a name.
 */
export function clusterRoutes(mode: ClusterInfoView['mode']) {
  return new Hono<BffEnv>()
    .get('/', async (c) => {
      const { mesos, dcos } = c.var.upstreams
      const [master, flags, version, metadata] = await Promise.all([
        mesos.getMaster(),
        mesos.getFlags(),
        dcos.version().catch(() => undefined),
        dcos.metadata().catch(() => undefined),
      ])
      return c.json(toClusterInfo(master, flags, mode, { ...(version ? { version } : {}), ...(metadata ? { metadata } : {}) }), 200)
    })
    .get('/components', async (c) => c.json(toComponents(await c.var.upstreams.dcos.units()), 200))
    .get('/components/:id/nodes', validate('param', ComponentParamSchema), async (c) => {
      const { id } = c.req.valid('param')
      return c.json(toComponentNodes(id, await c.var.upstreams.dcos.unitNodes(id)), 200)
    })
}
