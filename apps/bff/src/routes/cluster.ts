/** `/api/cluster`: the cluster's name, Mesos version and leading master, and the console's mode. */
import type { ClusterInfoView } from '@meridian/api'
import { Hono } from 'hono'
import type { BffEnv } from '../env.ts'
import { toClusterInfo } from '../views/cluster/to-cluster-info.ts'

/**
 * Two small operator calls rather than `/master/state-summary`, whose `cluster` field is the
 * same flag but which lists every agent (megabytes at 10,000 agents) for one string.
 */
export function clusterRoutes(mode: ClusterInfoView['mode']) {
  return new Hono<BffEnv>().get('/', async (c) => {
    const { mesos } = c.var.upstreams
    const [master, flags] = await Promise.all([mesos.getMaster(), mesos.getFlags()])
    return c.json(toClusterInfo(master, flags, mode), 200)
  })
}
