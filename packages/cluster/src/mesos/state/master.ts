/**
 * The embedded Mesos master's state machine: agents, frameworks, tasks, reservations and
 * maintenance, with resource accounting and an event feed. It knows nothing about HTTP.
 *
 * Behaviour follows Mesos 1.x: tasks move STAGING → STARTING → RUNNING; terminal tasks free
 * their resources and move to a bounded completed buffer (max_completed_tasks_per_framework
 * = 1000); a partitioned agent's tasks become TASK_UNREACHABLE (frameworks are
 * PARTITION_AWARE) and come back RUNNING when it re-registers; a removed agent's tasks become
 * TASK_GONE.
 *
 * Why one file of ~600 lines: every operation here moves resources between agents, tasks and
 * reservations and must keep `agent.used`, the task maps, the offerable-agent cache and the
 * event feed consistent in one step; split across classes those invariants would need a
 * shared mutable core anyway. Rendering, sandboxes and the wire APIs live elsewhere.
 */
import type { SimClock, Timer } from '../../sim/clock.ts'
import type { SeededRandom } from '../../sim/random.ts'
import {
  addBags,
  emptyBag,
  missingScalars,
  subtractBags,
  takePorts,
  portsToRanges,
  subtractRanges,
  subtractScalar,
  SCALAR_NAMES,
  type PortRange,
  type ResourceBag,
} from '../../sim/resources.ts'
import {
  TERMINAL_STATES,
  type Label,
  type MaintenanceWindow,
  type MasterEvent,
  type Reservation,
  type SimAgent,
  type SimFramework,
  type SimTask,
  type SimTaskStatus,
  type StatusSource,
  type TaskContainer,
  type TaskState,
  type Volume,
} from './types.ts'

export const MESOS_VERSION = '1.11.0'
const MAX_COMPLETED_TASKS_PER_FRAMEWORK = 1000

export interface TaskBehavior {
  /** virtual ms from launch to TASK_RUNNING (STARTING is reached at a third of it) */
  startupMs?: number
  /** the task ends on its own this long after RUNNING */
  exit?: { afterMs: number; state: 'TASK_FINISHED' | 'TASK_FAILED'; message?: string; reason?: string }
  /**
   * The executor reports TASK_RUNNING within the launch (a cluster seeded as already busy, see
   * the load profile): no startup timers; `exit` is not supported with it.
   */
  runningAtLaunch?: boolean
}

export interface LaunchSpec {
  frameworkId: string
  agentId: string
  id: string
  name: string
  resources: Omit<ResourceBag, 'ports'> & { ports?: never }
  /** number of ports to pick, or exact host ports (0 = any) */
  portCount?: number
  requestedPorts?: number[]
  portNames?: string[]
  role?: string
  reservationId?: string
  labels?: Label[]
  user?: string
  container?: TaskContainer
  command?: string
  healthCheck?: SimTask['healthCheck']
  behavior?: TaskBehavior
}

export type LaunchResult = { ok: true; task: SimTask } | { ok: false; reason: string }

export interface FrameworkSpec {
  id?: string
  name: string
  user?: string
  roles?: string[]
  principal?: string
  hostname?: string
  webuiUrl?: string
  capabilities?: string[]
  labels?: Label[]
}

type Listener = (event: MasterEvent) => void

/** A Set that reports every change (the maintenance DOWN machines feed offerableAgents). */
class ObservedSet<T> extends Set<T> {
  private readonly onChange: (() => void) | undefined

  constructor(onChange: () => void) {
    super()
    this.onChange = onChange
  }

  override add(value: T): this {
    super.add(value)
    this.onChange?.()
    return this
  }

  override delete(value: T): boolean {
    const removed = super.delete(value)
    if (removed) this.onChange?.()
    return removed
  }

  override clear(): void {
    super.clear()
    this.onChange?.()
  }
}

export class MesosMaster {
  readonly id: string
  readonly hostname = 'master.mesos'
  readonly ip = '10.0.0.1'
  readonly startTime: number
  readonly agents = new Map<string, SimAgent>()
  /** Agents removed from the cluster, kept for AGENT_REMOVED consumers and recovered views. */
  readonly goneAgents = new Map<string, SimAgent>()
  readonly frameworks = new Map<string, SimFramework>()
  readonly completedFrameworks = new Map<string, SimFramework>()
  /** non-terminal tasks, including unreachable ones */
  readonly tasks = new Map<string, SimTask>()
  readonly completedTasks = new Map<string, SimTask>()
  readonly maintenance = { windows: [] as MaintenanceWindow[], down: new ObservedSet<string>(() => this.agentsChanged()) }
  /** Bumped on every agent change that can affect offerability (see offerableAgents). */
  private agentsRevision = 0
  private offerable: { revision: number; agents: readonly SimAgent[] } | undefined
  private readonly listeners = new Set<Listener>()
  private readonly taskTimers = new Map<string, Timer[]>()
  private frameworkSeq = 0
  private agentSeq = 0

  constructor(
    readonly clock: SimClock,
    readonly random: SeededRandom,
    readonly clusterName = 'meridian-demo',
  ) {
    this.id = random.uuid()
    this.startTime = clock.nowSeconds()
  }

  get pid(): string {
    return `master@${this.ip}:5050`
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Number of registered listeners (lets stream handlers' tests prove they unsubscribe). */
  listenerCount(): number {
    return this.listeners.size
  }

  /**
   * The agent process restarts and its executors cannot be recovered (e.g. the host rebooted):
   * the agent re-registers under the same id and its tasks are reported TASK_GONE with
   * REASON_AGENT_RESTARTED, as the agent does for partition-aware frameworks.
   */
  restartAgent(agentId: string): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent || agent.status !== 'connected') return undefined
    agent.active = false
    this.agentsChanged()
    this.emit({ type: 'AGENT_UPDATED', agent })
    for (const id of [...agent.taskIds]) {
      this.setTaskState(id, 'TASK_GONE', { source: 'SOURCE_AGENT', reason: 'REASON_AGENT_RESTARTED', message: 'Executor did not reregister within 2secs' })
    }
    agent.active = true
    this.agentsChanged()
    agent.reregisteredTime = this.clock.nowSeconds()
    this.emit({ type: 'AGENT_UPDATED', agent })
    return agent
  }

  private agentsChanged(): void {
    this.agentsRevision++
  }

  private emit(event: MasterEvent): void {
    if (event.type === 'AGENT_ADDED' || event.type === 'AGENT_UPDATED' || event.type === 'AGENT_REMOVED') this.agentsChanged()
    for (const l of this.listeners) {
      try {
        l(event)
      } catch (err) {
        console.error('[mesos] listener failed', err)
      }
    }
  }

  // ---- agents -------------------------------------------------------------------------------

  nextAgentId(): string {
    return `${this.id}-S${this.agentSeq++}`
  }

  addAgent(agent: Omit<SimAgent, 'used' | 'reservations' | 'taskIds' | 'registeredTime' | 'active' | 'deactivated' | 'status' | 'version'>): SimAgent {
    const full: SimAgent = {
      ...agent,
      used: emptyBag(),
      reservations: new Map(),
      taskIds: new Set(),
      registeredTime: this.clock.nowSeconds(),
      active: true,
      deactivated: false,
      status: 'connected',
      version: MESOS_VERSION,
    }
    this.agents.set(full.id, full)
    this.emit({ type: 'AGENT_ADDED', agent: full })
    return full
  }

  /** Whether the allocator would offer this agent's resources to frameworks. */
  isOfferable(agent: SimAgent): boolean {
    return (
      agent.status === 'connected' &&
      agent.active &&
      !agent.deactivated &&
      agent.drain === undefined &&
      !this.maintenance.down.has(agent.hostname)
    )
  }

  /**
   * The agents `isOfferable` accepts, in registration order, memoized until an agent event or a
   * maintenance change: offer rounds and placement scans at 10,000 agents otherwise re-check
   * every agent several times per simulated second.
   */
  offerableAgents(): readonly SimAgent[] {
    if (this.offerable?.revision !== this.agentsRevision) {
      const agents: SimAgent[] = []
      for (const a of this.agents.values()) if (this.isOfferable(a)) agents.push(a)
      this.offerable = { revision: this.agentsRevision, agents }
    }
    return this.offerable.agents
  }

  /** Unreserved resources not used by tasks (what an offer to the agent's role would hold). */
  unreservedAvailable(agent: SimAgent): ResourceBag {
    // Same result as subtracting bag by bag, but the port ranges are cut once with all used
    // ranges: a launch on an agent with n tasks then allocates O(1) arrays instead of O(n).
    const avail: ResourceBag = { ...agent.total, ports: [] }
    const cuts: PortRange[] = []
    const take = (b: ResourceBag) => {
      for (const n of SCALAR_NAMES) avail[n] = subtractScalar(avail[n], b[n])
      for (const r of b.ports) cuts.push(r)
    }
    for (const r of agent.reservations.values()) take(r.resources)
    for (const id of agent.taskIds) {
      const t = this.tasks.get(id)
      if (t && !t.reservationId) take(t.resources)
    }
    avail.ports = subtractRanges(agent.total.ports, cuts)
    return avail
  }

  /** Resources of a reservation not used by tasks launched on it. */
  reservationAvailable(reservation: Reservation): ResourceBag {
    const agent = this.agents.get(reservation.agentId)
    let avail = reservation.resources
    if (!agent) return avail
    for (const id of agent.taskIds) {
      const t = this.tasks.get(id)
      if (t?.reservationId === reservation.id) avail = subtractBags(avail, t.resources)
    }
    return avail
  }

  reservedTotal(agent: SimAgent): ResourceBag {
    let sum = emptyBag()
    for (const r of agent.reservations.values()) sum = addBags(sum, r.resources)
    return sum
  }

  /** Marks an agent unreachable (network partition): its tasks go TASK_UNREACHABLE. */
  partitionAgent(agentId: string): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent || agent.status !== 'connected') return undefined
    agent.status = 'unreachable'
    agent.active = false
    this.agentsChanged()
    for (const id of [...agent.taskIds]) {
      this.setTaskState(id, 'TASK_UNREACHABLE', { source: 'SOURCE_MASTER', reason: 'REASON_AGENT_DISCONNECTED', message: 'Agent is unreachable' })
    }
    this.emit({ type: 'AGENT_UPDATED', agent })
    return agent
  }

  /** The agent re-registers after a partition; reconciliation reports its tasks RUNNING again. */
  reconnectAgent(agentId: string): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent || agent.status !== 'unreachable') return undefined
    agent.status = 'connected'
    agent.active = true
    this.agentsChanged()
    agent.reregisteredTime = this.clock.nowSeconds()
    for (const id of [...agent.taskIds]) {
      const t = this.tasks.get(id)
      if (t?.state === 'TASK_UNREACHABLE') {
        this.setTaskState(id, 'TASK_RUNNING', { source: 'SOURCE_MASTER', reason: 'REASON_RECONCILIATION', message: 'Reconciliation: agent re-registered' })
      }
    }
    this.emit({ type: 'AGENT_UPDATED', agent })
    return agent
  }

  /** The agent is gone for good: tasks TASK_GONE, reservations and volumes lost. */
  removeAgent(agentId: string, reason = 'REASON_AGENT_REMOVED', state: 'TASK_GONE' | 'TASK_GONE_BY_OPERATOR' = 'TASK_GONE'): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent) return undefined
    for (const id of [...agent.taskIds]) {
      this.setTaskState(id, state, { source: 'SOURCE_MASTER', reason, message: 'Agent was removed' })
    }
    agent.status = 'gone'
    agent.active = false
    this.agentsChanged()
    agent.reservations.clear()
    this.agents.delete(agentId)
    this.goneAgents.set(agentId, agent)
    this.emit({ type: 'AGENT_REMOVED', agent })
    return agent
  }

  deactivateAgent(agentId: string): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent) return undefined
    agent.deactivated = true
    this.agentsChanged()
    this.emit({ type: 'AGENT_UPDATED', agent })
    return agent
  }

  reactivateAgent(agentId: string): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent) return undefined
    agent.deactivated = false
    agent.drain = undefined
    this.agentsChanged()
    this.emit({ type: 'AGENT_UPDATED', agent })
    return agent
  }

  /** DRAIN_AGENT: deactivate, kill every task, DRAINED once none remain. */
  drainAgent(agentId: string, opts: { markGone?: boolean; maxGracePeriodNs?: number } = {}): SimAgent | undefined {
    const agent = this.agents.get(agentId)
    if (!agent) return undefined
    agent.deactivated = true
    agent.drain = {
      state: 'DRAINING',
      config: { mark_gone: opts.markGone ?? false, ...(opts.maxGracePeriodNs !== undefined ? { max_grace_period: { nanoseconds: opts.maxGracePeriodNs } } : {}) },
    }
    this.agentsChanged()
    this.emit({ type: 'AGENT_UPDATED', agent })
    for (const id of [...agent.taskIds]) this.killTask(id, { reason: 'REASON_AGENT_DRAINING' })
    this.checkDrained(agent)
    return agent
  }

  private checkDrained(agent: SimAgent): void {
    if (agent.drain?.state === 'DRAINING' && agent.taskIds.size === 0) {
      agent.drain = { ...agent.drain, state: 'DRAINED' }
      this.emit({ type: 'AGENT_UPDATED', agent })
      if (agent.drain.config.mark_gone) this.removeAgent(agent.id, 'REASON_AGENT_REMOVED_BY_OPERATOR')
    }
  }

  // ---- frameworks ---------------------------------------------------------------------------

  registerFramework(spec: FrameworkSpec): SimFramework {
    const existing = spec.id ? this.frameworks.get(spec.id) : undefined
    if (existing) {
      existing.reregisteredTime = this.clock.nowSeconds()
      existing.active = true
      existing.connected = true
      this.emit({ type: 'FRAMEWORK_UPDATED', framework: existing })
      return existing
    }
    const fw: SimFramework = {
      id: spec.id ?? `${this.id}-${String(this.frameworkSeq++).padStart(4, '0')}`,
      name: spec.name,
      user: spec.user ?? 'root',
      roles: spec.roles ?? ['*'],
      ...(spec.principal !== undefined ? { principal: spec.principal } : {}),
      hostname: spec.hostname ?? this.hostname,
      ...(spec.webuiUrl !== undefined ? { webuiUrl: spec.webuiUrl } : {}),
      capabilities: spec.capabilities ?? ['PARTITION_AWARE', 'TASK_KILLING_STATE', 'MULTI_ROLE', 'RESERVATION_REFINEMENT', 'REGION_AWARE'],
      failoverTimeout: 604800,
      checkpoint: true,
      labels: spec.labels ?? [],
      registeredTime: this.clock.nowSeconds(),
      active: true,
      connected: true,
      recovered: false,
      taskIds: new Set(),
      completedTaskIds: [],
    }
    this.frameworks.set(fw.id, fw)
    this.emit({ type: 'FRAMEWORK_ADDED', framework: fw })
    return fw
  }

  /** TEARDOWN: kill the framework's tasks and move it to completed frameworks. */
  removeFramework(frameworkId: string): SimFramework | undefined {
    const fw = this.frameworks.get(frameworkId)
    if (!fw) return undefined
    for (const id of [...fw.taskIds]) {
      this.setTaskState(id, 'TASK_KILLED', { source: 'SOURCE_MASTER', reason: 'REASON_FRAMEWORK_REMOVED', message: 'Framework removed' })
    }
    for (const agent of this.agents.values()) {
      for (const r of [...agent.reservations.values()]) if (fw.roles.includes(r.role) && r.principal === fw.principal) this.unreserve(r.id)
    }
    fw.active = false
    fw.connected = false
    fw.unregisteredTime = this.clock.nowSeconds()
    this.frameworks.delete(frameworkId)
    this.completedFrameworks.set(frameworkId, fw)
    this.emit({ type: 'FRAMEWORK_REMOVED', framework: fw })
    return fw
  }

  // ---- reservations -------------------------------------------------------------------------

  reserve(input: { agentId: string; role: string; principal: string; labels?: Label[]; resources: Omit<ResourceBag, 'ports'>; volume?: Omit<Volume, 'size'> }): Reservation | undefined {
    const agent = this.agents.get(input.agentId)
    if (!agent) return undefined
    const want: ResourceBag = { ...input.resources, ports: [] }
    if (missingScalars(want, this.unreservedAvailable(agent)).length > 0) return undefined
    const r: Reservation = {
      id: this.random.uuid(),
      agentId: agent.id,
      role: input.role,
      principal: input.principal,
      labels: input.labels ?? [],
      resources: want,
      ...(input.volume ? { volume: { ...input.volume, size: want.disk } } : {}),
    }
    agent.reservations.set(r.id, r)
    this.emit({ type: 'AGENT_UPDATED', agent })
    return r
  }

  unreserve(reservationId: string): boolean {
    for (const agent of this.agents.values()) {
      if (agent.reservations.delete(reservationId)) {
        this.emit({ type: 'AGENT_UPDATED', agent })
        return true
      }
    }
    return false
  }

  findReservation(reservationId: string): Reservation | undefined {
    for (const agent of this.agents.values()) {
      const r = agent.reservations.get(reservationId)
      if (r) return r
    }
    return undefined
  }

  // ---- tasks --------------------------------------------------------------------------------

  getTask(id: string): SimTask | undefined {
    return this.tasks.get(id) ?? this.completedTasks.get(id)
  }

  launchTask(spec: LaunchSpec): LaunchResult {
    const fw = this.frameworks.get(spec.frameworkId)
    if (!fw) return { ok: false, reason: `Unknown framework ${spec.frameworkId}` }
    const agent = this.agents.get(spec.agentId)
    if (!agent || !this.isOfferable(agent)) return { ok: false, reason: `Agent ${spec.agentId} is not offering resources` }
    if (this.tasks.has(spec.id) || this.completedTasks.has(spec.id)) return { ok: false, reason: `Task ${spec.id} already exists` }
    let pool: ResourceBag
    const reservation = spec.reservationId ? agent.reservations.get(spec.reservationId) : undefined
    if (spec.reservationId) {
      if (!reservation) return { ok: false, reason: `Reservation ${spec.reservationId} not found on agent ${agent.id}` }
      pool = this.reservationAvailable(reservation)
      // Ports are never reserved by the SDK emulation; take them from the unreserved pool.
      pool = { ...pool, ports: this.unreservedAvailable(agent).ports }
    } else pool = this.unreservedAvailable(agent)
    const missing = missingScalars(spec.resources, pool)
    if (missing.length > 0) return { ok: false, reason: `Insufficient ${missing.join(', ')}` }
    const ports = takePorts(pool.ports, spec.portCount ?? spec.requestedPorts?.length ?? 0, spec.requestedPorts ?? [])
    if (!ports) return { ok: false, reason: 'Insufficient ports' }
    const resources: ResourceBag = { ...spec.resources, ports: portsToRanges(ports) }
    const task: SimTask = {
      id: spec.id,
      name: spec.name,
      frameworkId: fw.id,
      agentId: agent.id,
      executorId: '',
      role: spec.role ?? reservation?.role ?? agent.role,
      state: 'TASK_STAGING',
      resources,
      hostPorts: ports,
      statuses: [],
      labels: spec.labels ?? [],
      ...(spec.user !== undefined ? { user: spec.user } : {}),
      ...(spec.container ? { container: spec.container } : {}),
      ...(spec.portNames ? { portNames: spec.portNames } : {}),
      ...(spec.reservationId ? { reservationId: spec.reservationId } : {}),
      ...(spec.healthCheck ? { healthCheck: spec.healthCheck } : {}),
      ...(spec.command !== undefined ? { command: spec.command } : {}),
    }
    this.tasks.set(task.id, task)
    fw.taskIds.add(task.id)
    agent.taskIds.add(task.id)
    agent.used = addBags(agent.used, resources)
    this.pushStatus(task, 'TASK_STAGING', { source: 'SOURCE_MASTER' })
    this.emit({ type: 'TASK_ADDED', task })
    this.emit({ type: 'TASK_UPDATED', task, status: task.statuses[task.statuses.length - 1]! })
    if (spec.behavior?.runningAtLaunch) this.setTaskState(task.id, 'TASK_RUNNING', { source: 'SOURCE_EXECUTOR' })
    else this.scheduleLifecycle(task, spec.behavior ?? {})
    return { ok: true, task }
  }

  private scheduleLifecycle(task: SimTask, behavior: TaskBehavior): void {
    const startup = behavior.startupMs ?? 2000
    const timers: Timer[] = []
    timers.push(
      this.clock.after(startup / 3, () => {
        if (task.state === 'TASK_STAGING') this.setTaskState(task.id, 'TASK_STARTING', { source: 'SOURCE_EXECUTOR' })
      }),
    )
    timers.push(
      this.clock.after(startup, () => {
        if (task.state !== 'TASK_STARTING' && task.state !== 'TASK_STAGING') return
        this.setTaskState(task.id, 'TASK_RUNNING', { source: 'SOURCE_EXECUTOR' })
        const exit = behavior.exit
        if (exit) {
          timers.push(
            this.clock.after(exit.afterMs, () => {
              if (task.state !== 'TASK_RUNNING') return
              this.setTaskState(task.id, exit.state, {
                source: 'SOURCE_EXECUTOR',
                ...(exit.message !== undefined ? { message: exit.message } : {}),
                ...(exit.reason !== undefined ? { reason: exit.reason } : exit.state === 'TASK_FAILED' ? { reason: 'REASON_COMMAND_EXECUTOR_FAILED' } : {}),
              })
            }),
          )
        }
      }),
    )
    this.taskTimers.set(task.id, timers)
  }

  /** Kill a task: TASK_KILLING now, TASK_KILLED after the kill grace period. */
  killTask(taskId: string, opts: { reason?: string; graceMs?: number } = {}): boolean {
    const task = this.tasks.get(taskId)
    if (!task) return false
    const agent = this.agents.get(task.agentId)
    if (task.state === 'TASK_UNREACHABLE' || !agent || agent.status !== 'connected') {
      // Mesos cannot reach the executor; the kill takes effect when the agent is gone/back.
      return true
    }
    if (task.state !== 'TASK_KILLING') this.setTaskState(taskId, 'TASK_KILLING', { source: 'SOURCE_EXECUTOR', ...(opts.reason ? { reason: opts.reason } : {}) })
    this.clock.after(opts.graceMs ?? 500, () => {
      if (this.tasks.get(taskId)?.state === 'TASK_KILLING') {
        this.setTaskState(taskId, 'TASK_KILLED', { source: 'SOURCE_EXECUTOR', message: 'Command terminated with signal Terminated', ...(opts.reason ? { reason: opts.reason } : {}) })
      }
    })
    return true
  }

  /** Moves a task to `state`, recording a status and freeing resources when terminal. */
  setTaskState(taskId: string, state: TaskState, opts: { source: StatusSource; reason?: string; message?: string; healthy?: boolean }): SimTask | undefined {
    const task = this.tasks.get(taskId)
    if (!task) return undefined
    const status = this.pushStatus(task, state, opts)
    if (state === 'TASK_RUNNING' && task.startedAt === undefined) task.startedAt = this.clock.now()
    if (TERMINAL_STATES.has(state)) this.complete(task)
    this.emit({ type: 'TASK_UPDATED', task, status })
    const agent = this.agents.get(task.agentId)
    if (agent && TERMINAL_STATES.has(state)) this.checkDrained(agent)
    return task
  }

  /** A health check result changes the task's latest status (Mesos sends a new status update). */
  setTaskHealth(taskId: string, healthy: boolean): void {
    const task = this.tasks.get(taskId)
    if (!task || task.healthy === healthy || task.state !== 'TASK_RUNNING') return
    task.healthy = healthy
    const status = this.pushStatus(task, task.state, { source: 'SOURCE_EXECUTOR', reason: 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED', healthy })
    this.emit({ type: 'TASK_UPDATED', task, status })
  }

  private pushStatus(task: SimTask, state: TaskState, opts: { source: StatusSource; reason?: string; message?: string; healthy?: boolean }): SimTaskStatus {
    const agent = this.agents.get(task.agentId) ?? this.goneAgents.get(task.agentId)
    const status: SimTaskStatus = {
      state,
      timestamp: this.clock.nowSeconds(),
      uuid: this.random.uuid(),
      source: opts.source,
      ...(opts.reason ? { reason: opts.reason } : {}),
      ...(opts.message ? { message: opts.message } : {}),
      ...(opts.healthy !== undefined ? { healthy: opts.healthy } : task.healthy !== undefined && state === 'TASK_RUNNING' ? { healthy: task.healthy } : {}),
      ...(agent ? { containerIp: agent.ip } : {}),
    }
    task.state = state
    task.statuses.push(status)
    return status
  }

  private complete(task: SimTask): void {
    for (const t of this.taskTimers.get(task.id) ?? []) t.cancel()
    this.taskTimers.delete(task.id)
    this.tasks.delete(task.id)
    const agent = this.agents.get(task.agentId)
    if (agent && agent.taskIds.delete(task.id)) agent.used = subtractBags(agent.used, task.resources)
    this.completedTasks.set(task.id, task)
    const fw = this.frameworks.get(task.frameworkId) ?? this.completedFrameworks.get(task.frameworkId)
    if (fw) {
      fw.taskIds.delete(task.id)
      fw.completedTaskIds.push(task.id)
      if (fw.completedTaskIds.length > MAX_COMPLETED_TASKS_PER_FRAMEWORK) {
        const dropped = fw.completedTaskIds.shift()
        if (dropped) this.completedTasks.delete(dropped)
      }
    }
  }
}
