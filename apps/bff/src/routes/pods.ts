/**
 * `/api/services/:id/pods`: pods of a DC/OS SDK service (by its Marathon app id) and the
 * scheduler's pod commands `POST /v1/pod/<name>/restart|replace`. A service that is no SDK
 * scheduler is a 404 like its plans.
 */
import { PodActionParamSchema, ServiceParamSchema, type PodActionResultView } from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import { loadServicePods } from '../loaders/pods-loader.ts'
import { loadSdkService } from '../loaders/plans-loader.ts'
import { validate } from './validate.ts'

/** Pod routes (mounted with the `:id` in the base path). */
export function servicePodsRoutes() {
  return new Hono<BffEnv>()
    .get('/', validate('param', ServiceParamSchema), async (c) => {
      const svc = await loadSdkService(c.var.upstreams, c.req.valid('param').id)
      return c.json(await loadServicePods(c.var.upstreams, svc), 200)
    })
    .post('/:pod/:action', requirePermission('workload'), validate('param', PodActionParamSchema), async (c) => {
      const { id, pod, action } = c.req.valid('param')
      const svc = await loadSdkService(c.var.upstreams, id)
      const r = await c.var.upstreams.sdk.podCommand(svc.serviceName, pod, action)
      const out: PodActionResultView = { pod: r.pod, tasks: r.tasks ?? [] }
      return c.json(out, 200)
    })
}
