/** Plans of DC/OS SDK services (`/service/<name>/v1/plans`). */
import { z } from 'zod'
import { ServiceIdSchema } from './services.ts'

/** SDK plan element status (incl. display statuses PAUSING/PAUSED on steps). */
export const PLAN_STATUSES = ['PENDING', 'PREPARED', 'STARTING', 'STARTED', 'COMPLETE', 'WAITING', 'IN_PROGRESS', 'ERROR', 'DELAYED', 'PAUSING', 'PAUSED'] as const
/** One of {@link PLAN_STATUSES}. */
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** A plan step. */
export interface PlanStepView {
  id: string
  name: string
  status: PlanStatus
  message: string
}
/** A plan phase. */
export interface PlanPhaseView {
  id: string
  name: string
  strategy: string
  status: PlanStatus
  steps: PlanStepView[]
}
/** GET /api/services/:id/plans/:plan */
export interface PlanView {
  service: string
  name: string
  status: PlanStatus
  strategy: string
  errors: string[]
  phases: PlanPhaseView[]
  progress: { completeSteps: number; totalSteps: number }
}
/** GET /api/services/:id/plans */
export interface PlansListView {
  service: string
  plans: PlanView[]
}

/** Plan names (`deploy`, `recovery`, `backup-s3`...). */
export const PlanNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'not a plan name')
/** The SDK plan commands. */
export const PLAN_ACTIONS = ['start', 'stop', 'continue', 'interrupt', 'forceComplete', 'restart'] as const
/** POST /api/services/:id/plans/:plan/:action query (phase/step: names or uuids). */
export const PlanActionQuerySchema = z.object({
  phase: z.string().max(200).regex(/^[A-Za-z0-9_:.[\], -]+$/).optional(),
  step: z.string().max(200).regex(/^[A-Za-z0-9_:.[\], -]+$/).optional(),
})
/** POST .../start body: env parameters (`SNAPSHOT_NAME`...). */
export const PlanStartSchema = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).optional()
/** One of {@link PLAN_ACTIONS}. */
export type PlanAction = (typeof PLAN_ACTIONS)[number]
/** `/api/services/:id/plans/:plan` params (id = the SDK scheduler's Marathon app id). */
export const PlanParamSchema = z.object({ id: ServiceIdSchema, plan: PlanNameSchema })
/** `/api/services/:id/plans/:plan/:action` params. */
export const PlanActionParamSchema = z.object({ id: ServiceIdSchema, plan: PlanNameSchema, action: z.enum(PLAN_ACTIONS) })
/** What a plan command answered; `changed: false` when the SDK said it was already done (HTTP 208). */
export interface PlanActionResultView {
  message: string
  changed: boolean
}
/** GET /api/plans: every SDK service with its plans (`error` set when that scheduler could not be read). */
export interface PlansOverviewView {
  services: Array<{ serviceId: string; serviceName: string; plans: PlanView[]; error: string | null }>
}
