/** Nodes (Mesos agents): list and detail views, and the maintenance actions' inputs. */
import { z } from 'zod'
import type { ResourceAmounts, TaskCounts, TaskStateName } from './resources.ts'
import { NODE_HEALTH, type MAINTENANCE_STATES } from './view-states.ts'

// Defined zod-free in view-states.ts so the SPA can import them without zod.
export { MAINTENANCE_STATES, NODE_HEALTH } from './view-states.ts'

/** One of {@link NODE_HEALTH}. */
export type NodeHealth = (typeof NODE_HEALTH)[number]

/** One of {@link MAINTENANCE_STATES}. */
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number]

/** One agent row in the Nodes table. */
export interface NodeView {
  id: string
  hostname: string
  /** host part of the agent pid (`slave(1)@10.0.1.5:5051`) */
  ip: string | null
  region: string | null
  zone: string | null
  /** DC/OS public agent: `slave_public` reservation or `public_ip` attribute */
  public: boolean
  health: NodeHealth
  maintenance: MaintenanceState
  allocated: ResourceAmounts
  total: ResourceAmounts
  /** non-terminal + completed tasks on this agent by state (from state-summary counters) */
  tasksByState: TaskCounts
  /** ms since epoch */
  registeredAt: number | null
  version: string
  attributes: Record<string, string | number>
}

/** A task on a node (node detail). */
export interface NodeTaskView {
  id: string
  name: string
  frameworkId: string
  frameworkName: string | null
  state: TaskStateName
  healthy: boolean | null
  resources: ResourceAmounts
  /** ms since epoch of the latest status */
  updatedAt: number | null
}

/** GET /api/nodes/:id */
export interface NodeDetailView extends NodeView {
  tasks: NodeTaskView[]
  /** remaining task count not included in `tasks` (bounded page) */
  moreTasks: number
}

/** GET /api/nodes */
export interface NodesListView {
  nodes: NodeView[]
  total: number
}

/** GET /api/nodes query. */
export const NodesQuerySchema = z.object({
  health: z.enum(NODE_HEALTH).optional(),
  type: z.enum(['public', 'private']).optional(),
  zone: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  /** substring of id/hostname/ip */
  q: z.string().max(200).optional(),
})
/** GET /api/nodes query. */
export type NodesQuery = z.infer<typeof NodesQuerySchema>

/** Mesos agent ids look like `<uuid>-S<n>`; anything else is rejected before it reaches a URL. */
export const AgentIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'not a Mesos agent id')
/** `:id` path parameter of the node routes. */
export const NodeParamSchema = z.object({ id: AgentIdSchema })

/** POST /api/nodes/:id/drain body (v1 DRAIN_AGENT). */
export const DrainNodeSchema = z.object({
  /** seconds; Mesos `max_grace_period` */
  maxGracePeriodSeconds: z.number().int().min(0).max(86_400 * 30).optional(),
  /** Mesos `mark_gone`: mark the agent gone once drained */
  markGone: z.boolean().optional(),
})
/** POST /api/nodes/:id/drain body. */
export type DrainNodeInput = z.infer<typeof DrainNodeSchema>
