/**
 * Mesos wire shapes the BFF reads (upstream-apis.md §1). Names keep Mesos' spelling; every
 * array or optional member may be absent on the wire, so readers default them.
 */

/** v0 resources summary (`resources`, `used_resources`...): MB for mem/disk, ports as a range string. */
export interface MesosResourceSummary {
  cpus?: number
  mem?: number
  disk?: number
  gpus?: number
  ports?: string
  [name: string]: number | string | undefined
}

/** v0 agent as listed in `/master/state-summary` (with TASK_* counters and framework_ids). */
export interface MesosAgentSummary {
  id: string
  hostname: string
  port?: number
  pid?: string
  attributes?: Record<string, string | number>
  domain?: { fault_domain?: { region?: { name: string }; zone?: { name: string } } }
  registered_time?: number
  reregistered_time?: number
  resources?: MesosResourceSummary
  used_resources?: MesosResourceSummary
  offered_resources?: MesosResourceSummary
  reserved_resources?: Record<string, MesosResourceSummary>
  unreserved_resources?: MesosResourceSummary
  active?: boolean
  deactivated?: boolean
  version?: string
  capabilities?: string[]
  drain_info?: { state?: 'DRAINING' | 'DRAINED'; config?: unknown }
  framework_ids?: string[]
  [taskState: `TASK_${string}`]: number | undefined
}

/** v0 framework summary (state-summary). */
export interface MesosFrameworkSummary {
  id: string
  name: string
  active?: boolean
  connected?: boolean
  webui_url?: string
  used_resources?: MesosResourceSummary
  slave_ids?: string[]
  [taskState: `TASK_${string}`]: number | undefined
}

/** `GET /master/state-summary` */
export interface MesosStateSummary {
  hostname?: string
  cluster?: string
  slaves?: MesosAgentSummary[]
  frameworks?: MesosFrameworkSummary[]
}

/** `GET /master/maintenance/status` */
export interface MesosMaintenanceStatus {
  draining_machines?: Array<{ id: { hostname?: string; ip?: string } }>
  down_machines?: Array<{ hostname?: string; ip?: string }>
}

/** `GET /master/maintenance/schedule` */
export interface MesosMaintenanceSchedule {
  windows?: Array<{ machine_ids: Array<{ hostname?: string; ip?: string }>; unavailability: unknown }>
}

/** v1 `{value}` id. */
export interface V1Id {
  value: string
}

/** v1 Resource (§1.7), only what the BFF reads. */
export interface V1Resource {
  name: string
  type?: 'SCALAR' | 'RANGES' | 'SET'
  scalar?: { value: number }
  ranges?: { range: Array<{ begin: number; end: number }> }
  reservations?: Array<{ type?: string; role?: string }>
  role?: string
}

/** v1 TaskStatus. */
export interface V1TaskStatus {
  task_id?: V1Id
  state: string
  message?: string
  reason?: string
  source?: string
  timestamp?: number
  healthy?: boolean
  agent_id?: V1Id
  container_status?: { network_infos?: Array<{ ip_addresses?: Array<{ ip_address?: string }> }> }
}

/** v1 Task (GET_TASKS, TASK_ADDED). */
export interface V1Task {
  name: string
  task_id: V1Id
  framework_id: V1Id
  executor_id?: V1Id
  agent_id: V1Id
  state: string
  resources?: V1Resource[]
  statuses?: V1TaskStatus[]
  labels?: { labels?: Array<{ key: string; value?: string }> }
  /** DiscoveryInfo: named ports */
  discovery?: { name?: string; ports?: { ports?: Array<{ number: number; name?: string; protocol?: string }> } }
  /** ContainerInfo (only what the task detail shows) */
  container?: { type?: string; docker?: { image?: string }; mesos?: { image?: { type?: string; docker?: { name?: string }; appc?: { name?: string } } } }
  health_check?: {
    type?: string
    interval_seconds?: number
    http?: { scheme?: string; port?: number; path?: string }
    tcp?: { port?: number }
    command?: { value?: string }
  }
  user?: string
}

/** v1 GET_TASKS payload. */
export interface V1GetTasks {
  tasks?: V1Task[]
  unreachable_tasks?: V1Task[]
  completed_tasks?: V1Task[]
}

/** v1 Agent (GET_AGENTS, AGENT_ADDED). */
export interface V1Agent {
  agent_info: { hostname: string; port?: number; id?: V1Id; resources?: V1Resource[]; attributes?: unknown[]; domain?: MesosAgentSummary['domain'] }
  active?: boolean
  deactivated?: boolean
  version?: string
  pid?: string
  drain_info?: { state?: 'DRAINING' | 'DRAINED' }
}

/** v1 FrameworkInfo (only read fields). */
export interface V1FrameworkInfo {
  id?: V1Id
  name: string
}

/** One event of the v1 SUBSCRIBE stream (§1.5). */
export type MesosEvent =
  | { type: 'SUBSCRIBED'; subscribed: { get_state?: { get_tasks?: V1GetTasks; get_agents?: { agents?: V1Agent[] }; get_frameworks?: { frameworks?: Array<{ framework_info: V1FrameworkInfo }> } }; heartbeat_interval_seconds?: number } }
  | { type: 'HEARTBEAT' }
  | { type: 'TASK_ADDED'; task_added: { task: V1Task } }
  | { type: 'TASK_UPDATED'; task_updated: { framework_id: V1Id; status: V1TaskStatus; state: string } }
  | { type: 'AGENT_ADDED'; agent_added: { agent: V1Agent } }
  | { type: 'AGENT_REMOVED'; agent_removed: { agent_id: V1Id } }
  | { type: 'FRAMEWORK_ADDED'; framework_added: { framework: { framework_info: V1FrameworkInfo } } }
  | { type: 'FRAMEWORK_UPDATED'; framework_updated: { framework: { framework_info: V1FrameworkInfo } } }
  | { type: 'FRAMEWORK_REMOVED'; framework_removed: { framework_info: V1FrameworkInfo } }

/** Agent `/files/read` response. */
export interface MesosFileRead {
  data: string
  offset: number
}

/** Agent `/slave(1)/state`, only the sandbox-discovery part. */
export interface MesosAgentState {
  id?: string
  frameworks?: Array<{ id: string; executors?: Array<{ id: string; directory: string; tasks?: Array<{ id: string }>; completed_tasks?: Array<{ id: string }>; queued_tasks?: Array<{ id: string }> }>; completed_executors?: Array<{ id: string; directory: string; tasks?: Array<{ id: string }>; completed_tasks?: Array<{ id: string }> }> }>
  completed_frameworks?: Array<{ id: string; executors?: Array<{ id: string; directory: string; tasks?: Array<{ id: string }>; completed_tasks?: Array<{ id: string }> }>; completed_executors?: Array<{ id: string; directory: string; tasks?: Array<{ id: string }>; completed_tasks?: Array<{ id: string }> }> }>
}

/** v0 task (`/master/tasks`): sandbox lookup fields, plus the summary the pod view reads. */
export interface MesosV0Task {
  id: string
  name?: string
  framework_id: string
  executor_id?: string
  slave_id: string
  state?: string
  resources?: MesosResourceSummary
  /** v0 TaskStatus carries no message/reason (src/common/http.cpp); v1 GET_TASKS has them */
  statuses?: Array<{ state: string; timestamp?: number; healthy?: boolean }>
}

/** Agent `/files/browse` entry (v0 FileInfo: `mtime` whole seconds, `mode` as `ls -l` text). */
export interface MesosFileInfo {
  path: string
  nlink?: number
  size?: number
  mtime?: number
  mode?: string
  uid?: string
  gid?: string
}

/** v1 GET_MASTER (operator API): the answering master, which is the leader (followers redirect). */
export interface V1GetMaster {
  master_info?: { id?: string; pid?: string; hostname?: string; version?: string; address?: { hostname?: string; ip?: string; port?: number } }
  /** seconds since the epoch (double) */
  start_time?: number
  elected_time?: number
}

/** v1 GET_FLAGS: every master flag as a string (`cluster` is the `--cluster` name, absent when unset). */
export interface V1GetFlags {
  flags?: Array<{ name: string; value?: string }>
}
