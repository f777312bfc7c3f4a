/**
 * Plans of DC/OS SDK services: `/api/plans` (every SDK service) and
 * `/api/services/:id/plans[/:plan[/:action]]` (one service, by its Marathon app id). Commands map
 * 1:1 to the scheduler's `/v1/plans/<plan>/<command>`; its 208 "already done" is `changed: false`.
 */
import { PlanActionParamSchema, PlanActionQuerySchema, PlanParamSchema, PlanStartSchema, ServiceParamSchema, type PlanActionResultView, type PlansOverviewView } from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import { AppError, toAppError } from '../errors.ts'
import { toPlanView, type SdkServiceRef } from '../views/plans/to-plan-view.ts'
import { loadSdkService, loadSdkServices, loadServicePlans } from '../loaders/plans-loader.ts'
import { validate } from './validate.ts'

/** Called after a plan command so the live feed re-reads that service (no task event may follow a command). */
export type PlanCommandListener = (svc: SdkServiceRef) => void

/** `/api/services/:id/plans` routes (mounted with the `:id` in the base path). */
export function servicePlansRoutes(onCommand: PlanCommandListener = () => undefined) {
  return new Hono<BffEnv>()
    .get('/', validate('param', ServiceParamSchema), async (c) => {
      const svc = await loadSdkService(c.var.upstreams, c.req.valid('param').id)
      return c.json({ service: svc.serviceId, plans: await loadServicePlans(c.var.upstreams, svc) }, 200)
    })
    .get('/:plan', validate('param', PlanParamSchema), async (c) => {
      const { id, plan } = c.req.valid('param')
      const svc = await loadSdkService(c.var.upstreams, id)
      return c.json(toPlanView(svc.serviceId, plan, await c.var.upstreams.sdk.plan(svc.serviceName, plan)), 200)
    })
    .post('/:plan/:action', requirePermission('workload'), validate('param', PlanActionParamSchema), validate('query', PlanActionQuerySchema), validate('json', PlanStartSchema), async (c) => {
      const { id, plan, action } = c.req.valid('param')
      const { phase, step } = c.req.valid('query')
      if (step !== undefined && phase === undefined) throw new AppError('ValidationFailed', 'A step needs its phase', { details: [{ path: '/phase', errors: ['required when step is given'] }] })
      const svc = await loadSdkService(c.var.upstreams, id)
      const parameters = c.req.valid('json')
      const r = await c.var.upstreams.sdk.command(svc.serviceName, plan, action, { ...(phase !== undefined ? { phase } : {}), ...(step !== undefined ? { step } : {}), ...(parameters ? { parameters } : {}) })
      if (r.changed) onCommand(svc)
      const out: PlanActionResultView = r
      return c.json(out, 200)
    })
}

/** `/api/plans`: every SDK service with its plans; one unreachable scheduler does not fail the page. */
export function plansOverviewRoutes() {
  return new Hono<BffEnv>().get('/', async (c) => {
    const up = c.var.upstreams
    const services = await loadSdkServices(up)
    const out: PlansOverviewView = {
      services: await Promise.all(
        services.map(async (s) => {
          try {
            return { serviceId: s.serviceId, serviceName: s.serviceName, plans: await loadServicePlans(up, s), error: null }
          } catch (err) {
            return { serviceId: s.serviceId, serviceName: s.serviceName, plans: [], error: toAppError(err).message }
          }
        }),
      ),
    }
    return c.json(out, 200)
  })
}
