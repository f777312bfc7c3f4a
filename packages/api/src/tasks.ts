/** One Mesos task in detail (`GET /api/tasks/:id`): status history, placement, resources, sandbox. */
import type { ResourceAmounts, TaskStateName } from './resources.ts'

/** One TaskStatus update, oldest first in {@link TaskDetailView.statuses}. */
export interface TaskStatusView {
  state: TaskStateName
  /** ms since epoch */
  timestamp: number | null
  /** Mesos `message` (e.g. `Command exited with status 1`) */
  message: string | null
  /** Mesos `reason` (e.g. `REASON_COMMAND_EXECUTOR_FAILED`) */
  reason: string | null
  /** `SOURCE_EXECUTOR`, `SOURCE_AGENT` or `SOURCE_MASTER` */
  source: string | null
  healthy: boolean | null
}

/** A port the task holds: a named DiscoveryInfo port, or a host port from its `ports` resource. */
export interface TaskPortView {
  number: number
  name: string | null
  protocol: string
}

/** A file or directory in the task's sandbox (agent `files/browse`). */
export interface SandboxFileView {
  /** name relative to the sandbox directory */
  name: string
  /** absolute path on the agent */
  path: string
  directory: boolean
  /** bytes */
  size: number
  /** ms since epoch */
  modifiedAt: number | null
}

/** The sandbox of a task; `error` says why it could not be listed (agent gone, garbage-collected). */
export interface TaskSandboxView {
  directory: string | null
  files: SandboxFileView[]
  error: string | null
}

/** GET /api/tasks/:id */
export interface TaskDetailView {
  id: string
  name: string
  state: TaskStateName
  /** latest health check result, null without health checks */
  healthy: boolean | null
  frameworkId: string
  frameworkName: string | null
  /** Marathon app id when the task belongs to a Marathon app, else null */
  serviceId: string | null
  agentId: string
  /** agent hostname, null when the master no longer lists the agent */
  host: string | null
  executorId: string | null
  resources: ResourceAmounts
  ports: TaskPortView[]
  ipAddresses: string[]
  container: { type: string; image: string | null } | null
  /** the command Marathon launches (app `cmd`/`args`), when known */
  command: string | null
  healthCheck: { type: string; target: string | null; intervalSeconds: number | null } | null
  labels: Array<{ key: string; value: string }>
  statuses: TaskStatusView[]
  /** ms since epoch of the first TASK_RUNNING status */
  startedAt: number | null
  /** ms since epoch of the latest status */
  updatedAt: number | null
  sandbox: TaskSandboxView
}
