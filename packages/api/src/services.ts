/** Services (Marathon apps in their group tree, merged with Mesos tasks): views and action inputs. */
import { z } from 'zod'
import type { FieldError } from './errors.ts'
import type { ResourceAmounts, TaskStateName } from './resources.ts'
import type { SERVICE_HEALTH, SERVICE_STATUSES } from './view-states.ts'

// Defined zod-free in view-states.ts so the SPA can import them without zod.
export { SERVICE_HEALTH, SERVICE_STATUSES } from './view-states.ts'

/** One of {@link SERVICE_STATUSES}. */
export type ServiceStatus = (typeof SERVICE_STATUSES)[number]
/** One of {@link SERVICE_HEALTH}. */
export type ServiceHealth = (typeof SERVICE_HEALTH)[number]

/** One service (Marathon app) row. */
export interface ServiceView {
  /** absolute Marathon id, e.g. `/prod/web` */
  id: string
  /** last path segment */
  name: string
  status: ServiceStatus
  health: ServiceHealth
  instances: number
  tasks: { staged: number; running: number; healthy: number; unhealthy: number }
  /** per instance */
  resources: ResourceAmounts
  image: string | null
  cmd: string | null
  version: string
  labels: Record<string, string>
  deploymentIds: string[]
  /** set for apps installed from the catalog (Cosmos labels) */
  package: { name: string; version: string } | null
  /** the app is a DC/OS SDK scheduler (has `/v1/plans`) */
  sdk: boolean
}

/** A group node of the service tree (root id `/`). */
export interface ServiceGroupView {
  id: string
  name: string
  groups: ServiceGroupView[]
  services: ServiceView[]
  /** totals over the whole subtree */
  summary: { services: number; running: number; unhealthy: number; resources: ResourceAmounts }
}

/** GET /api/services */
export interface ServicesTreeView {
  root: ServiceGroupView
}

/** A task of a service (Marathon task joined with the Mesos task). */
export interface ServiceTaskView {
  id: string
  agentId: string | null
  host: string
  state: TaskStateName
  healthy: boolean | null
  /** Marathon's health check result for the task (null: no health check, or no result yet) */
  healthCheck: { alive: boolean; consecutiveFailures: number; lastFailureCause: string | null; lastFailure: string | null; lastSuccess: string | null } | null
  ports: number[]
  ipAddresses: string[]
  version: string | null
  startedAt: string | null
  zone: string | null
  region: string | null
}

/** A running Marathon deployment touching the service. */
export interface DeploymentView {
  id: string
  version: string
  affectedServices: string[]
  currentStep: number
  totalSteps: number
  currentActions: Array<{ action: string; service: string | null }>
}

/** Marathon's `lastTaskFailure`. */
export interface TaskFailureView {
  taskId: string
  state: string
  message: string
  host: string
  timestamp: string
  version: string
}

/** Why offers were declined for a queued app (Marathon `/v2/queue` processedOffersSummary). */
export interface QueueSummaryView {
  waiting: number
  delayed: boolean
  delaySecondsLeft: number
  since: string | null
  processedOffers: number
  unusedOffers: number
  rejections: Array<{ reason: string; declined: number; processed: number }>
}

/** How to reach the service (host:port per task, Admin Router path when labelled). */
export interface EndpointView {
  name: string
  protocol: string
  addresses: string[]
  servicePort: number | null
}

/** GET /api/services/:id */
export interface ServiceDetailView extends ServiceView {
  /** the Marathon app definition as stored (for the JSON editor) */
  definition: Record<string, unknown>
  taskList: ServiceTaskView[]
  versions: string[]
  deployments: DeploymentView[]
  lastTaskFailure: TaskFailureView | null
  queue: QueueSummaryView | null
  endpoints: EndpointView[]
}

/** Result of a deployment-creating action. */
export interface DeploymentResultView {
  deploymentId: string | null
  version: string | null
}

/**
 * Marathon path ids: segments of lowercase letters, digits, `-`, `.`, no `.`/`..` segments
 * (Marathon PathId rules). Checked before any id is put into an upstream URL.
 */
export const ServiceIdSchema = z
  .string()
  .min(2)
  .max(512)
  .regex(/^(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)+$/, 'must be an absolute Marathon id like /group/app')
  .refine((id) => id.split('/').every((s) => s !== '.' && s !== '..'), 'must not contain . or .. segments')
/** `:id` path parameter (URL-encoded absolute id). */
export const ServiceParamSchema = z.object({ id: ServiceIdSchema })

/** A Marathon app definition; Marathon itself validates the rest and its 422 details come back per field. */
export const AppDefinitionSchema = z.looseObject({ id: ServiceIdSchema })
/** POST /api/services body. */
export type AppDefinitionInput = z.infer<typeof AppDefinitionSchema>
/** PUT /api/services/:id body (id optional; forced to the path). */
export const EditServiceSchema = z.looseObject({ id: ServiceIdSchema.optional() })
/** `force=true` overrides a deployment lock (Marathon 409). */
export const ForceQuerySchema = z.object({ force: z.enum(['true', 'false']).optional() })
/** POST /api/services/:id/scale */
export const ScaleServiceSchema = z.object({ instances: z.number().int().min(0).max(10_000) })
/** POST /api/services/:id/scale body. */
export type ScaleServiceInput = z.infer<typeof ScaleServiceSchema>
/** POST /api/services/:id/rollback: redeploy a previous version. */
export const RollbackServiceSchema = z.object({ version: z.string().min(1).max(64).regex(/^[0-9T:.Z+-]+$/, 'must be an ISO version timestamp') })
/** POST /api/services/:id/kill-tasks */
export const KillTasksSchema = z.object({
  taskIds: z.array(z.string().regex(/^[A-Za-z0-9._-]{1,300}$/, 'not a task id')).min(1).max(1000),
  scale: z.boolean().optional(),
  wipe: z.boolean().optional(),
})
/** POST /api/services/:id/kill-tasks body. */
export type KillTasksInput = z.infer<typeof KillTasksSchema>
/** DELETE /api/deployments/:id param. */
export const DeploymentParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a deployment id') })

/** Field errors from Marathon 422 as surfaced to the editor. */
export type ServiceValidationErrors = FieldError[]
