/**
 * In-memory model of the Mesos master's state. The HTTP layer renders it into the v0 and v1
 * wire shapes; frameworks (Marathon, Metronome, SDK schedulers) drive it in-process, the way
 * real frameworks drive a master through the scheduler API.
 */
import type { ResourceBag } from '../../sim/resources.ts'

/** Mesos TaskState names (mesos.proto). */
export const TASK_STATES = [
  'TASK_STAGING',
  'TASK_STARTING',
  'TASK_RUNNING',
  'TASK_KILLING',
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_UNREACHABLE',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
  'TASK_UNKNOWN',
] as const
export type TaskState = (typeof TASK_STATES)[number]

/** States after which a task holds no resources and is moved to completed tasks. */
export const TERMINAL_STATES: ReadonlySet<TaskState> = new Set<TaskState>([
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
])

export type StatusSource = 'SOURCE_MASTER' | 'SOURCE_AGENT' | 'SOURCE_EXECUTOR'

export interface Label {
  key: string
  value: string
}

export interface SimTaskStatus {
  state: TaskState
  /** float seconds since epoch, as Mesos renders TaskStatus.timestamp */
  timestamp: number
  uuid: string
  source: StatusSource
  reason?: string
  message?: string
  healthy?: boolean
  containerIp?: string
}

export interface Volume {
  persistenceId: string
  containerPath: string
  mode: 'RW' | 'RO'
  /** MB */
  size: number
}

/** A dynamic reservation (optionally a persistent volume) made by a framework on an agent. */
export interface Reservation {
  id: string
  agentId: string
  role: string
  principal: string
  labels: Label[]
  resources: ResourceBag
  volume?: Volume
}

export interface TaskContainer {
  type: 'DOCKER' | 'MESOS'
  image?: string
}

export interface SimTask {
  id: string
  name: string
  frameworkId: string
  agentId: string
  executorId: string
  role: string
  state: TaskState
  resources: ResourceBag
  /** host ports in the order they were requested (Marathon's task `ports`) */
  hostPorts: number[]
  statuses: SimTaskStatus[]
  labels: Label[]
  user?: string
  container?: TaskContainer
  /** Named ports for discovery info. */
  portNames?: string[]
  reservationId?: string
  healthCheck?: { type: 'HTTP' | 'TCP' | 'COMMAND'; path?: string; portIndex?: number }
  /** The command the task runs; shown in the sandbox logs. */
  command?: string
  /** virtual ms when the task first reached TASK_RUNNING */
  startedAt?: number
  healthy?: boolean
}

export type MachineMode = 'UP' | 'DRAINING' | 'DOWN'

export interface DrainInfo {
  state: 'DRAINING' | 'DRAINED'
  config: { mark_gone: boolean; max_grace_period?: { nanoseconds: number } }
}

export interface SimAgent {
  id: string
  hostname: string
  ip: string
  port: number
  /** public agents carry DC/OS's `slave_public` static role */
  public: boolean
  role: string
  region: string
  zone: string
  attributes: Record<string, string | number>
  total: ResourceBag
  /** Sum of resources of non-terminal tasks (incl. those running on reservations). */
  used: ResourceBag
  reservations: Map<string, Reservation>
  taskIds: Set<string>
  registeredTime: number
  reregisteredTime?: number
  active: boolean
  deactivated: boolean
  /** connected: registered; unreachable: partitioned; gone: removed from the cluster */
  status: 'connected' | 'unreachable' | 'gone'
  drain?: DrainInfo
  version: string
}

export interface SimFramework {
  id: string
  name: string
  user: string
  roles: string[]
  principal?: string
  hostname: string
  webuiUrl?: string
  capabilities: string[]
  failoverTimeout: number
  checkpoint: boolean
  labels: Label[]
  registeredTime: number
  reregisteredTime?: number
  unregisteredTime?: number
  active: boolean
  connected: boolean
  recovered: boolean
  taskIds: Set<string>
  completedTaskIds: string[]
}

export interface MaintenanceWindow {
  machine_ids: Array<{ hostname?: string; ip?: string }>
  unavailability: { start: { nanoseconds: number }; duration?: { nanoseconds: number } }
}

export type MasterEvent =
  | { type: 'TASK_ADDED'; task: SimTask }
  | { type: 'TASK_UPDATED'; task: SimTask; status: SimTaskStatus }
  | { type: 'AGENT_ADDED'; agent: SimAgent }
  /** Not part of the Mesos operator stream (it has no AGENT_UPDATED); for in-process consumers. */
  | { type: 'AGENT_UPDATED'; agent: SimAgent }
  | { type: 'AGENT_REMOVED'; agent: SimAgent }
  | { type: 'FRAMEWORK_ADDED'; framework: SimFramework }
  | { type: 'FRAMEWORK_UPDATED'; framework: SimFramework }
  | { type: 'FRAMEWORK_REMOVED'; framework: SimFramework }
