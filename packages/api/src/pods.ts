/** Pods of DC/OS SDK services (`/service/<name>/v1/pod/...`) joined with their Mesos tasks. */
import { z } from 'zod'
import type { ResourceAmounts, TaskStateName } from './resources.ts'
import { ServiceIdSchema } from './services.ts'

/** One task of a pod instance. `id` is null until the scheduler has launched it. */
export interface PodTaskView {
  /** SDK task name, `<pod>-<index>-<task>` (e.g. `kafka-0-broker`) */
  name: string
  /** Mesos task id */
  id: string | null
  state: TaskStateName | null
  healthy: boolean | null
  agentId: string | null
  host: string | null
  resources: ResourceAmounts
  /** ms since epoch of the latest status */
  updatedAt: number | null
}

/** One pod instance (`kafka-0`) of a pod type (`kafka`). */
export interface PodView {
  name: string
  type: string
  tasks: PodTaskView[]
}

/** GET /api/services/:id/pods */
export interface PodsListView {
  service: string
  pods: PodView[]
}

/** Pod instance names: `<type>-<index>` (dcos-commons PodInstance#getName). */
export const PodNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}-\d{1,4}$/, 'not a pod instance name')
/** The SDK pod commands: restart in place, or replace (relaunch elsewhere, dropping its reservations). */
export const POD_ACTIONS = ['restart', 'replace'] as const
/** One of {@link POD_ACTIONS}. */
export type PodAction = (typeof POD_ACTIONS)[number]
/** `/api/services/:id/pods/:pod/:action` params. */
export const PodActionParamSchema = z.object({ id: ServiceIdSchema, pod: PodNameSchema, action: z.enum(POD_ACTIONS) })
/** What a pod command answered (the SDK's `{pod, tasks}`): the tasks it killed. */
export interface PodActionResultView {
  pod: string
  tasks: string[]
}
