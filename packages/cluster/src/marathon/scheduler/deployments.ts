/**
 * Deployment plans and their execution (Marathon's DeploymentPlan / DeploymentActor):
 * `[StopApplication…] → [StartApplication…] → dependency-ordered [Scale|RestartApplication…]`,
 * empty steps dropped. The store already holds the target when a plan starts (GET shows the
 * new definition while the deployment runs). A restart follows the app's upgradeStrategy
 * (TaskReplaceActor): keep ⌈n·minimumHealthCapacity⌉ healthy, never exceed
 * ⌊n·(1+maximumOverCapacity)⌋ instances, start new, wait healthy/ready, kill old.
 */
import type { MesosMaster } from '../../mesos/state/master.ts'
import type { SimClock } from '../../sim/clock.ts'
import type { SeededRandom } from '../../sim/random.ts'
import type { MarathonEventBus } from '../events/event-bus.ts'
import { isConfigChange, type MarathonApp } from '../model/app-types.ts'
import { MarathonError } from '../model/errors.ts'
import type { AppStore } from './app-store.ts'
import { isActive, isTerminal, type Instance } from './instance.ts'
import type { InstanceTracker } from './instance-tracker.ts'
import type { LaunchQueue } from './launch-queue.ts'

export type ActionName = 'StartApplication' | 'StopApplication' | 'ScaleApplication' | 'RestartApplication'

export interface DeploymentAction {
  action: ActionName
  app: string
  started: boolean
  done: boolean
  /** instance ids a scale-down must kill (DELETE tasks with scale=true) */
  toKill?: string[]
}

export interface Deployment {
  id: string
  version: string
  affectedApps: string[]
  steps: DeploymentAction[][]
  /** 0-based index of the running step */
  current: number
  original: Map<string, MarathonApp | undefined>
}

export type AppChanges = Map<string, MarathonApp | undefined>

export class DeploymentManager {
  readonly deployments = new Map<string, Deployment>()
  private running = false
  private again = false

  constructor(
    private readonly master: MesosMaster,
    clock: SimClock,
    private readonly random: SeededRandom,
    private readonly bus: MarathonEventBus,
    private readonly store: AppStore,
    private readonly tracker: InstanceTracker,
    private readonly queue: LaunchQueue,
  ) {
    clock.every(1000, () => this.progress())
  }

  /** Running deployments that touch any of `appIds`. */
  conflicting(appIds: Iterable<string>): Deployment[] {
    const ids = new Set(appIds)
    return [...this.deployments.values()].filter((d) => d.affectedApps.some((a) => ids.has(a)))
  }

  isLocked(appId: string): boolean {
    return this.conflicting([appId]).length > 0
  }

  /**
   * Applies `changes` (app id → new definition, or undefined to remove) and starts a plan.
   * Throws 409 while another deployment holds an affected app, unless `force`.
   */
  deploy(changes: AppChanges, opts: { force: boolean; version: string; toKill?: Map<string, string[]> }): Deployment {
    const conflicts = this.conflicting(changes.keys())
    if (conflicts.length > 0 && !opts.force) throw MarathonError.locked(conflicts.map((d) => d.id))
    for (const d of conflicts) this.cancel(d.id, 'Deployment was cancelled by a forced change')
    const original = new Map<string, MarathonApp | undefined>()
    for (const id of changes.keys()) original.set(id, this.store.apps.get(id))
    for (const [id, app] of changes) {
      if (app) this.store.put(app)
      else this.store.remove(id, opts.version)
    }
    const stop: DeploymentAction[] = []
    const start: DeploymentAction[] = []
    const levels = new Map<number, DeploymentAction[]>()
    for (const [id, target] of changes) {
      const before = original.get(id)
      const action = (name: ActionName): DeploymentAction => ({ action: name, app: id, started: false, done: false, ...(opts.toKill?.has(id) ? { toKill: opts.toKill.get(id)! } : {}) })
      let a: DeploymentAction | undefined
      if (!target) {
        if (before) stop.push(action('StopApplication'))
        continue
      }
      if (!before) {
        start.push(action('StartApplication'))
        a = action('ScaleApplication')
      } else if (isConfigChange(before, target) || before.versionInfo.lastConfigChangeAt !== target.versionInfo.lastConfigChangeAt) a = action('RestartApplication')
      else if (before.instances !== target.instances || opts.toKill?.has(id)) a = action('ScaleApplication')
      if (a) {
        const level = this.dependencyLevel(id, new Set())
        levels.set(level, [...(levels.get(level) ?? []), a])
      }
    }
    const ordered = [...levels.entries()].sort((x, y) => x[0] - y[0]).map(([, actions]) => actions)
    const d: Deployment = {
      id: this.random.uuid(),
      version: opts.version,
      affectedApps: [...changes.keys()],
      steps: [stop, start, ...ordered].filter((s) => s.length > 0),
      current: 0,
      original,
    }
    this.deployments.set(d.id, d)
    this.bus.publish('group_change_success', { groupId: '/', version: opts.version })
    if (d.steps.length > 0) this.bus.publish('deployment_info', { plan: planJson(d), currentStep: stepJson(d.steps[0]!) })
    this.progress()
    return d
  }

  private dependencyLevel(appId: string, seen: Set<string>): number {
    if (seen.has(appId)) return 0
    seen.add(appId)
    const app = this.store.apps.get(appId)
    let level = 0
    for (const dep of app?.dependencies ?? []) {
      for (const other of this.store.apps.keys()) if (other === dep || other.startsWith(`${dep}/`)) level = Math.max(level, this.dependencyLevel(other, seen) + 1)
    }
    return level
  }

  /** Stops a deployment where it is (no rollback): `DELETE /v2/deployments/{id}?force=true`. */
  cancel(id: string, reason = 'Deployment was cancelled'): Deployment | undefined {
    const d = this.deployments.get(id)
    if (!d) return undefined
    this.deployments.delete(id)
    this.bus.publish('deployment_failed', { id: d.id, plan: planJson(d), reason })
    return d
  }

  /** Drives every running deployment as far as it can go now. Re-entrant calls are folded. */
  progress(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    try {
      do {
        this.again = false
        for (const d of [...this.deployments.values()]) this.advance(d)
      } while (this.again)
    } finally {
      this.running = false
    }
  }

  private advance(d: Deployment): void {
    for (;;) {
      if (!this.deployments.has(d.id)) return
      const step = d.steps[d.current]
      if (!step) {
        this.deployments.delete(d.id)
        this.bus.publish('deployment_success', { id: d.id, plan: planJson(d) })
        return
      }
      for (const a of step) if (!a.done) a.done = this.execute(a)
      if (!step.every((a) => a.done)) return
      this.bus.publish('deployment_step_success', { plan: planJson(d), currentStep: stepJson(step) })
      d.current++
      const next = d.steps[d.current]
      if (next) this.bus.publish('deployment_info', { plan: planJson(d), currentStep: stepJson(next) })
    }
  }

  /** Runs one action one notch further; true when it is complete. */
  private execute(a: DeploymentAction): boolean {
    const first = !a.started
    a.started = true
    const app = this.store.apps.get(a.app)
    const instances = this.tracker.instancesOf(a.app)
    switch (a.action) {
      case 'StartApplication':
        return true
      case 'StopApplication': {
        if (first) for (const i of instances) this.decommission(i)
        const done = this.tracker.instancesOf(a.app).length === 0
        if (done) this.bus.publish('app_terminated_event', { appId: a.app })
        return done
      }
      case 'ScaleApplication': {
        if (!app) return true
        if (first) for (const i of instances) if (a.toKill?.includes(i.instanceId)) this.decommission(i)
        this.scaleTo(app)
        return this.readyCount(app) >= app.instances && !this.hasDecommissioned(a.app)
      }
      case 'RestartApplication':
        if (!app) return true
        return this.restartStep(app)
    }
  }

  /** Tops up or trims the wanted instances of `app` to `app.instances`. */
  scaleTo(app: MarathonApp): void {
    const wanted = this.tracker.instancesOf(app.id).filter((i) => i.goal === 'Running' && !isTerminal(i.condition))
    if (wanted.length < app.instances) this.queue.schedule(app, app.instances - wanted.length)
    else if (wanted.length > app.instances) for (const i of this.killOrder(app, wanted).slice(0, wanted.length - app.instances)) this.decommission(i)
  }

  private restartStep(app: MarathonApp): boolean {
    const n = app.instances
    const minHealthy = Math.ceil(n * app.upgradeStrategy.minimumHealthCapacity)
    const maxCapacity = Math.max(n, Math.floor(n * (1 + app.upgradeStrategy.maximumOverCapacity) + 1e-9))
    const wanted = this.tracker.instancesOf(app.id).filter((i) => i.goal === 'Running' && !isTerminal(i.condition))
    let old = wanted.filter((i) => i.configVersion !== app.versionInfo.lastConfigChangeAt)
    const fresh = wanted.filter((i) => i.configVersion === app.versionInfo.lastConfigChangeAt)
    const freshReady = fresh.filter((i) => this.isReady(app, i)).length
    const canKill = Math.min(old.length, old.length + freshReady - minHealthy)
    const victims = canKill > 0 ? this.killOrder(app, old).slice(0, canKill) : []
    for (const v of victims) this.decommission(v)
    old = old.filter((i) => !victims.includes(i))
    const room = maxCapacity - old.length - fresh.length
    const launch = Math.min(room, n - fresh.length)
    if (launch > 0) this.queue.schedule(app, launch)
    else if (victims.length === 0 && old.length > 0 && fresh.length < n && freshReady === fresh.length) {
      // minimumHealthCapacity 1 with maximumOverCapacity 0 leaves no room: Marathon kills one
      // old instance to make progress.
      this.decommission(this.killOrder(app, old)[0]!)
    }
    if (fresh.length > n) for (const i of this.killOrder(app, fresh).slice(0, fresh.length - n)) this.decommission(i)
    return old.length === 0 && freshReady >= n && !this.hasDecommissioned(app.id)
  }

  /** Not-yet-running instances go first, then YOUNGEST_FIRST / OLDEST_FIRST by staging time. */
  private killOrder(app: MarathonApp, list: Instance[]): Instance[] {
    const age = (i: Instance): number => i.stagedAt ?? Number.MAX_SAFE_INTEGER
    return [...list].sort((x, y) => {
      const rx = this.isReady(app, x) ? 1 : 0
      const ry = this.isReady(app, y) ? 1 : 0
      if (rx !== ry) return rx - ry
      return app.killSelection === 'YOUNGEST_FIRST' ? age(y) - age(x) : age(x) - age(y)
    })
  }

  /** Running, healthy when health checks exist, ready when readiness checks exist. */
  isReady(app: MarathonApp, i: Instance): boolean {
    if (i.condition !== 'Running') return false
    if (app.healthChecks.length > 0 && i.health?.alive !== true) return false
    return app.readinessChecks.length === 0 || i.ready
  }

  readyCount(app: MarathonApp): number {
    return this.tracker.instancesOf(app.id).filter((i) => i.goal === 'Running' && this.isReady(app, i)).length
  }

  private hasDecommissioned(appId: string): boolean {
    return this.tracker.instancesOf(appId).some((i) => i.goal === 'Decommissioned')
  }

  /** Stops an instance for good: dropped from the queue, or its task killed. */
  decommission(i: Instance): void {
    i.goal = 'Decommissioned'
    if (!isActive(i) || !i.taskId) {
      this.tracker.remove(i)
      return
    }
    const app = this.store.apps.get(i.appId)
    this.master.killTask(i.taskId, app?.taskKillGracePeriodSeconds !== undefined ? { graceMs: app.taskKillGracePeriodSeconds * 1000 } : {})
  }
}

function stepJson(step: DeploymentAction[]): Record<string, unknown> {
  return { actions: step.map((a) => ({ action: a.action, app: a.app })) }
}

/** The light plan format (`plan-format=light`, the only one in Marathon ≥1.8). */
export function planJson(d: Deployment): Record<string, unknown> {
  return { id: d.id, steps: d.steps.map(stepJson), version: d.version }
}
