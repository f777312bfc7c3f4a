/** `/v2/deployments` (Marathon DeploymentsResource). */
import { Hono } from 'hono'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'
import { deploymentResult, flag } from './request.ts'

export function deploymentsRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()
  r.get('/v2/deployments', (c) =>
    c.json(
      [...m.deployments.deployments.values()].map((d) => {
        const step = d.steps[d.current] ?? []
        return {
          id: d.id,
          version: d.version,
          affectedApps: d.affectedApps,
          affectedPods: [],
          steps: d.steps.map((s) => ({ actions: s.map((a) => ({ action: a.action, app: a.app })) })),
          currentActions: step.map((a) => {
            const app = m.store.apps.get(a.app)
            const readiness = app?.readinessChecks[0]
            return {
              action: a.action,
              app: a.app,
              readinessCheckResults: readiness
                ? m.tracker
                    .instancesOf(a.app)
                    .filter((i) => i.condition === 'Running' && i.configVersion === app.versionInfo.lastConfigChangeAt)
                    .map((i) => ({ name: readiness.name, taskId: i.taskId, ready: i.ready, lastResponse: null }))
                : [],
            }
          }),
          currentStep: Math.min(d.current + 1, d.steps.length),
          totalSteps: d.steps.length,
        }
      }),
    ),
  )
  r.delete('/v2/deployments/:id', (c) => {
    const rollback = m.cancelDeployment(c.req.param('id'), flag(c, 'force'))
    // force=true stops the deployment where it is: 202 with an empty body.
    if (!rollback) return c.body(null, 202)
    return deploymentResult(c, rollback)
  })
  return r
}
