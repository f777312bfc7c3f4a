/**
 * Marathon's instance tracker: the app → instance → task indexes, fed by the Mesos master's
 * status updates, with the events Marathon publishes for them (`status_update_event`,
 * `instance_changed_event`, health events) and the simulated health checks.
 */
import type { MesosMaster } from '../../mesos/state/master.ts'
import type { SimTask, SimTaskStatus } from '../../mesos/state/types.ts'
import type { SimClock } from '../../sim/clock.ts'
import type { MarathonEventBus } from '../events/event-bus.ts'
import type { MarathonApp } from '../model/app-types.ts'
import type { AppStore } from './app-store.ts'
import { firstCheckMs, simulatesNeverReady, simulatesUnhealthy } from './health-sim.ts'
import { conditionOf, isTerminal, type Instance } from './instance.ts'

export interface LastTaskFailure {
  appId: string
  host: string
  message: string
  state: string
  taskId: string
  timestamp: string
  version: string
  slaveId: string
}

export interface TrackerHooks {
  /** a task of a wanted instance ended: relaunch, replace or record a failure */
  terminal(inst: Instance, task: SimTask, status: SimTaskStatus): void
  unreachable(inst: Instance): void
  changed(): void
}

export class InstanceTracker {
  readonly byApp = new Map<string, Map<string, Instance>>()
  readonly byTask = new Map<string, Instance>()
  /** tasks of expunged instances (e.g. unreachable, replaced): killed if they come back */
  readonly orphanTasks = new Set<string>()
  readonly lastFailure = new Map<string, LastTaskFailure>()

  constructor(
    private readonly master: MesosMaster,
    private readonly clock: SimClock,
    private readonly bus: MarathonEventBus,
    private readonly store: AppStore,
    private readonly frameworkId: () => string,
    private readonly hooks: TrackerHooks,
  ) {
    master.on((e) => {
      if (e.type === 'TASK_UPDATED' && e.task.frameworkId === this.frameworkId()) this.onStatus(e.task, e.status)
    })
  }

  instancesOf(appId: string): Instance[] {
    return [...(this.byApp.get(appId)?.values() ?? [])]
  }

  add(inst: Instance): void {
    let m = this.byApp.get(inst.appId)
    if (!m) this.byApp.set(inst.appId, (m = new Map()))
    m.set(inst.instanceId, inst)
  }

  remove(inst: Instance): void {
    for (const t of inst.timers) t.cancel()
    inst.timers = []
    if (inst.taskId) this.byTask.delete(inst.taskId)
    const m = this.byApp.get(inst.appId)
    m?.delete(inst.instanceId)
    if (m && m.size === 0) this.byApp.delete(inst.appId)
  }

  /** Every instance (all apps), for /v2/tasks. */
  *all(): IterableIterator<Instance> {
    for (const m of this.byApp.values()) yield* m.values()
  }

  private onStatus(task: SimTask, status: SimTaskStatus): void {
    const inst = this.byTask.get(task.id)
    if (!inst) {
      // An expunged instance's task came back (agent reconnected): Marathon kills it.
      if (this.orphanTasks.has(task.id) && status.state === 'TASK_RUNNING') this.master.killTask(task.id)
      if (isTerminal(conditionOf(status.state))) this.orphanTasks.delete(task.id)
      return
    }
    const agent = this.master.agents.get(task.agentId) ?? this.master.goneAgents.get(task.agentId)
    const previous = inst.condition
    inst.condition = conditionOf(status.state)
    this.bus.publish('status_update_event', {
      slaveId: task.agentId,
      taskId: task.id,
      taskStatus: status.state,
      message: status.message ?? '',
      appId: inst.appId,
      host: agent?.hostname ?? '',
      ipAddresses: agent ? [{ ipAddress: agent.ip, protocol: 'IPv4' }] : [],
      ports: task.hostPorts,
      version: inst.version,
    })
    if (previous !== inst.condition) {
      this.bus.publish('instance_changed_event', {
        instanceId: inst.instanceId,
        condition: inst.condition,
        runSpecId: inst.appId,
        agentId: task.agentId,
        host: agent?.hostname ?? '',
        runSpecVersion: inst.version,
      })
    }
    if (status.state === 'TASK_RUNNING' && previous !== 'Running') this.onRunning(inst)
    if (status.state === 'TASK_UNREACHABLE') this.hooks.unreachable(inst)
    if (isTerminal(inst.condition)) {
      for (const t of inst.timers) t.cancel()
      inst.timers = []
      this.byTask.delete(task.id)
      if (['TASK_FAILED', 'TASK_ERROR', 'TASK_LOST', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR', 'TASK_DROPPED', 'TASK_UNKNOWN'].includes(status.state)) {
        this.lastFailure.set(inst.appId, {
          appId: inst.appId,
          host: agent?.hostname ?? '',
          message: status.message ?? '',
          state: status.state,
          taskId: task.id,
          timestamp: new Date(status.timestamp * 1000).toISOString(),
          version: inst.version,
          slaveId: task.agentId,
        })
      }
      this.hooks.terminal(inst, task, status)
    }
    this.hooks.changed()
  }

  private onRunning(inst: Instance): void {
    inst.startedAt ??= this.clock.now()
    const app = this.store.apps.get(inst.appId)
    if (!app) return
    const check = app.healthChecks[0]
    if (check) inst.timers.push(this.clock.after(firstCheckMs(check), () => this.runHealthCheck(inst, app)))
    const rc = app.readinessChecks[0]
    if (rc && !simulatesNeverReady(app)) {
      inst.timers.push(
        this.clock.after(rc.intervalSeconds * 1000, () => {
          inst.ready = true
          this.hooks.changed()
        }),
      )
    }
  }

  private runHealthCheck(inst: Instance, app: MarathonApp): void {
    if (inst.condition !== 'Running') return
    const check = app.healthChecks[0]!
    const now = this.clock.now()
    const health = (inst.health ??= { consecutiveFailures: 0 })
    const mesosCheck = check.protocol.startsWith('MESOS_') || check.protocol === 'COMMAND'
    if (!simulatesUnhealthy(app)) {
      health.firstSuccess ??= now
      health.lastSuccess = now
      health.consecutiveFailures = 0
      this.setAlive(inst, app, true, mesosCheck)
      return
    }
    health.lastFailure = now
    health.lastFailureCause = check.protocol.includes('HTTP') ? '503 Service Unavailable' : 'Connection refused'
    const inGrace = now - (inst.startedAt ?? now) < check.gracePeriodSeconds * 1000 && health.firstSuccess === undefined
    if (!inGrace) {
      health.consecutiveFailures++
      this.bus.publish('failed_health_check_event', { appId: app.id, taskId: inst.instanceId, instanceId: inst.instanceId, healthCheck: check })
      this.setAlive(inst, app, false, mesosCheck)
    }
    if (!inGrace && check.maxConsecutiveFailures > 0 && health.consecutiveFailures >= check.maxConsecutiveFailures && inst.taskId) {
      const agent = inst.agentId ? this.master.agents.get(inst.agentId) : undefined
      this.bus.publish('unhealthy_instance_kill_event', {
        appId: app.id,
        taskId: inst.taskId,
        instanceId: inst.instanceId,
        version: inst.version,
        reason: `${health.consecutiveFailures} consecutive health check failures`,
        host: agent?.hostname ?? '',
        slaveId: inst.agentId ?? '',
      })
      this.master.killTask(inst.taskId, { reason: 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED' })
      return
    }
    inst.timers.push(this.clock.after(check.intervalSeconds * 1000, () => this.runHealthCheck(inst, app)))
  }

  /**
   * Records a health check result outside the simulated check loop (a seeded instance that is
   * already healthy, a demo burst flipping health): the same events and Mesos status update as
   * a check that changed its result. Returns false when the instance is not running or its app
   * has no health check.
   */
  recordHealth(inst: Instance, alive: boolean): boolean {
    const app = this.store.apps.get(inst.appId)
    const check = app?.healthChecks[0]
    if (!app || !check || inst.condition !== 'Running') return false
    const now = this.clock.now()
    const health = (inst.health ??= { consecutiveFailures: 0 })
    if (alive) {
      health.firstSuccess ??= now
      health.lastSuccess = now
      health.consecutiveFailures = 0
    } else {
      health.lastFailure = now
      health.lastFailureCause = check.protocol.includes('HTTP') ? '503 Service Unavailable' : 'Connection refused'
      health.consecutiveFailures++
    }
    this.setAlive(inst, app, alive, check.protocol.startsWith('MESOS_') || check.protocol === 'COMMAND')
    return true
  }

  private setAlive(inst: Instance, app: MarathonApp, alive: boolean, mesosCheck: boolean): void {
    const health = inst.health!
    if (health.alive === alive) return
    health.alive = alive
    // Mesos-native checks travel as TaskStatus.healthy through the master; Marathon's own
    // HTTP/TCP checks never reach Mesos.
    if (mesosCheck && inst.taskId) this.master.setTaskHealth(inst.taskId, alive)
    this.bus.publish('health_status_changed_event', { appId: app.id, instanceId: inst.instanceId, version: inst.version, alive })
    this.bus.publish('instance_health_changed_event', { instanceId: inst.instanceId, runSpecId: app.id, runSpecVersion: inst.version, healthy: alive })
    this.hooks.changed()
  }
}
