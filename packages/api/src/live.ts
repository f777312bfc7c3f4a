/**
 * Live updates: the BFF's `GET /api/events` SSE stream. Each SSE message has `id: <seq>`,
 * `event: delta` and `data: <LiveEvent JSON>`. Deltas either carry the changed object or name
 * what to refetch; a `resync` means "refetch everything" (stream too old or upstream lost).
 */
import type { NodeView } from './nodes.ts'
import type { PlanStatus } from './plans.ts'
import type { TaskStateName } from './resources.ts'
import type { ServiceView } from './services.ts'
import type { JobView } from './jobs.ts'

/** A task changed state or health (from Mesos TASK_ADDED/TASK_UPDATED or Marathon status events). */
export interface TaskDelta {
  type: 'task.changed'
  task: { id: string; name: string; frameworkId: string; agentId: string; state: TaskStateName; healthy: boolean | null }
}
/**
 * Agents appeared or changed (allocation, task counts, health, maintenance): their full rows,
 * batched per flush window so a burst of task events costs one delta, not one per task.
 */
export interface NodesDelta {
  type: 'nodes.changed'
  nodes: NodeView[]
}
/** An agent was removed from the master. */
export interface NodeRemovedDelta {
  type: 'node.removed'
  nodeId: string
}
/** A Marathon app changed (definition, instances, health); refetch it. */
export interface ServiceDelta {
  type: 'service.changed'
  serviceId: string
  reason: 'definition' | 'task' | 'health' | 'removed'
  /**
   * The service's row as the BFF re-read it (status, health, instances, task counts), so the
   * Services list can patch one row instead of refetching the tree. Absent when the app is gone
   * (`reason: 'removed'`) or could not be re-read: then refetch.
   */
  service?: ServiceView
}
/** A Marathon deployment started, progressed, succeeded or failed. */
export interface DeploymentDelta {
  type: 'deployment.changed'
  deploymentId: string
  status: 'running' | 'success' | 'failed'
  affectedServices: string[]
  currentStep: number | null
  totalSteps: number | null
}
/** An SDK plan changed status. */
export interface PlanDelta {
  type: 'plan.changed'
  serviceId: string
  plan: string
  status: PlanStatus
}
/** A Metronome job or run changed. */
export interface JobDelta {
  type: 'job.changed'
  jobId: string
  /** The job's row as the BFF re-read it (runs, schedule, history). Absent when it could not be re-read: then refetch. */
  job?: JobView
  /** The job no longer exists (Metronome answered 404). */
  removed?: true
}
/** What moved since the last `dashboard.changed` (for clients that only show some panels). */
export type DashboardChangeReason = 'tasks' | 'nodes' | 'services' | 'jobs' | 'plans'
/**
 * Dashboard numbers changed: sent at most once per debounce window (trailing, with a maximum
 * wait) after deltas that move them, so a client refetches `/api/dashboard` once per burst
 * instead of polling or refetching per task event.
 */
export interface DashboardDelta {
  type: 'dashboard.changed'
  reasons: DashboardChangeReason[]
}
/** Refetch everything: the client was too far behind or an upstream stream was re-established. */
export interface ResyncDelta {
  type: 'resync'
  reason: 'too-old' | 'upstream-reconnected' | 'initial'
}
/** An upstream stream is down (degraded banner) or back. */
export interface UpstreamDelta {
  type: 'upstream.status'
  upstream: 'mesos' | 'marathon'
  connected: boolean
}

/** Every delta the SSE stream carries. */
export type LiveDelta = TaskDelta | NodesDelta | NodeRemovedDelta | ServiceDelta | DeploymentDelta | PlanDelta | JobDelta | DashboardDelta | ResyncDelta | UpstreamDelta

/** One SSE message payload. `id` equals the SSE `id:` field (decimal sequence). */
export interface LiveEvent {
  id: string
  /** ms since epoch */
  at: number
  delta: LiveDelta
}

/** SSE event name of deltas. */
export const LIVE_EVENT_NAME = 'delta'
