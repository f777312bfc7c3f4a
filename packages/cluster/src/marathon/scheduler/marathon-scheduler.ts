/**
 * The embedded Marathon: registers as framework `marathon` on the master and owns the app
 * store, instance tracker, launch queue and deployments. Every API operation that changes
 * apps goes through here (the HTTP layer only parses and renders).
 */
import type { MesosMaster } from '../../mesos/state/master.ts'
import type { SimAgent, SimTask, SimTaskStatus } from '../../mesos/state/types.ts'
import type { SimClock } from '../../sim/clock.ts'
import type { SeededRandom } from '../../sim/random.ts'
import { MarathonEventBus } from '../events/event-bus.ts'
import { isConfigChange, type MarathonApp } from '../model/app-types.ts'
import { buildApp } from '../model/build-app.ts'
import { MarathonError, appNotFound } from '../model/errors.ts'
import { ancestorsOf, isUnder, normalizePathId } from '../model/path-id.ts'
import { typeErrorsOfApp, isObject } from '../model/read-json.ts'
import { validateApp } from '../model/validate-app.ts'
import { AppStore } from './app-store.ts'
import { DeploymentManager, type AppChanges, type Deployment } from './deployments.ts'
import { isTerminal, type Instance } from './instance.ts'
import { InstanceTracker } from './instance-tracker.ts'
import { LaunchQueue } from './launch-queue.ts'

export const MARATHON_VERSION = '1.10.6'
const FAILURE_STATES = new Set(['TASK_FAILED', 'TASK_ERROR'])

export interface DeploymentResult {
  deploymentId: string
  version: string
}

export class MarathonScheduler {
  readonly bus: MarathonEventBus
  readonly store: AppStore
  readonly tracker: InstanceTracker
  readonly queue: LaunchQueue
  readonly deployments: DeploymentManager
  readonly frameworkId: string
  readonly startedAt: number
  private readonly wipe = new Set<string>()

  constructor(
    readonly master: MesosMaster,
    readonly clock: SimClock,
    random: SeededRandom,
  ) {
    this.startedAt = clock.now()
    const fw = master.registerFramework({
      name: 'marathon',
      roles: ['slave_public', '*'],
      principal: 'dcos_marathon',
      hostname: master.hostname,
      webuiUrl: `http://${master.ip}:8080`,
      labels: [{ key: 'DCOS_SERVICE_NAME', value: 'marathon' }],
    })
    this.frameworkId = fw.id
    this.bus = new MarathonEventBus(clock)
    this.store = new AppStore(clock)
    this.tracker = new InstanceTracker(master, clock, this.bus, this.store, () => this.frameworkId, {
      terminal: (inst, task, status) => this.onTerminal(inst, task, status),
      unreachable: (inst) => this.onUnreachable(inst),
      changed: () => this.deployments.progress(),
    })
    this.queue = new LaunchQueue(master, clock, random, this.store, this.tracker, () => this.frameworkId)
    this.deployments = new DeploymentManager(master, clock, random, this.bus, this.store, this.tracker, this.queue)
    this.bus.publish('scheduler_registered_event', { frameworkId: this.frameworkId, master: master.pid })
    clock.every(5000, () => this.reconcile())
  }

  // ---- reading bodies -------------------------------------------------------------------------

  /** Type-check, build (partial over `base`) and validate an app body; throws 400/422. */
  parseApp(raw: unknown, id: string, base: MarathonApp | undefined): MarathonApp {
    const typeErrors = typeErrorsOfApp(raw)
    if (typeErrors.length > 0) throw MarathonError.invalidJson(typeErrors)
    const app = buildApp(raw as Record<string, unknown>, id, base)
    const details = validateApp(app)
    if (details.length > 0) throw MarathonError.invalid(details)
    return app
  }

  /** Stamps version/versionInfo: a scale-only change keeps lastConfigChangeAt. */
  private stamp(app: MarathonApp, before: MarathonApp | undefined, version: string, restart = false): MarathonApp {
    if (!before || restart || isConfigChange(before, app))
      return this.store.assignServicePorts({ ...app, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: version } })
    return { ...app, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: before.versionInfo.lastConfigChangeAt } }
  }

  // ---- apps -------------------------------------------------------------------------------------

  createApp(raw: unknown, force: boolean): { app: MarathonApp; deployment: Deployment } {
    if (!isObject(raw) || typeof raw.id !== 'string') {
      if (isObject(raw) && raw.id === undefined) throw MarathonError.invalidJson([{ path: '/id', errors: ['error.path.missing'] }])
      throw MarathonError.invalidJson(typeErrorsOfApp(raw))
    }
    const id = normalizePathId(raw.id)
    const parsed = this.parseApp(raw, id, undefined)
    if (this.store.apps.has(id)) throw new MarathonError(409, { message: `An app with id [${id}] already exists.` })
    this.assertNoIdClash(id)
    const version = this.store.nextVersion()
    const app = this.stamp(parsed, undefined, version)
    const deployment = this.deployments.deploy(new Map([[id, app]]), { force, version })
    return { app, deployment }
  }

  /**
   * A new app may not take a group's id, nor sit under an app (which would make that app a
   * group too): Marathon's root group validation refuses both, 422 "Object is not valid".
   */
  private assertNoIdClash(id: string, appsAfter?: ReadonlySet<string>): void {
    // `appsAfter`: the app ids once a multi-app change is applied (a group body may add apps
    // under each other, or remove an app and put a group in its place).
    const isApp = (x: string) => (appsAfter ? appsAfter.has(x) : this.store.apps.has(x))
    const appsBelow = appsAfter ? [...appsAfter].some((a) => isUnder(a, id)) : this.store.groupExists(id)
    if (this.store.groups.has(id) || appsBelow || ancestorsOf(id).some(isApp)) {
      throw MarathonError.invalid([{ path: '/', errors: ['Groups and Applications may not have the same identifier.'] }])
    }
  }

  /**
   * Adds an app whose instances already run, as on a cluster that was busy before this Marathon
   * started (the load profile seeds 100,000 instances this way): stored like a created app but
   * without a deployment, each instance launched on the given agent through the master (the
   * same offer match and launch as an offer round) and reported TASK_RUNNING, and healthy when
   * the app has a health check, at once instead of after offer rounds and startup time.
   * Instances whose agent declines stay Scheduled and are placed by the next offer rounds.
   */
  seedRunningApp(raw: Record<string, unknown> & { id: string }, agents: readonly SimAgent[]): { app: MarathonApp; declined: number } {
    const id = normalizePathId(raw.id)
    if (this.store.apps.has(id) || this.store.groups.has(id)) throw new MarathonError(409, { message: `An app or group with id [${id}] already exists.` })
    const version = this.store.nextVersion()
    const app = this.stamp(this.parseApp({ ...raw, instances: agents.length }, id, undefined), undefined, version)
    this.store.put(app)
    let declined = 0
    const instances = this.queue.schedule(app, agents.length)
    instances.forEach((inst, k) => {
      if (this.queue.launchOn(app, inst, agents[k]!, { runningAtLaunch: true }).length > 0) {
        declined++
        return
      }
      this.tracker.recordHealth(inst, true)
    })
    if (declined === 0) this.queue.stats.delete(app.id)
    return { app, declined }
  }

  /**
   * Flips the health check result of a running instance (demo bursts): Mesos-native checks
   * reach the master as a TASK_RUNNING status with the new `healthy`, Marathon publishes its
   * health events. False when the task is not a running Marathon task with a health check.
   */
  toggleHealth(taskId: string): boolean {
    const inst = this.tracker.byTask.get(taskId)
    if (!inst) return false
    return this.tracker.recordHealth(inst, inst.health?.alive !== true)
  }

  /**
   * PUT/PATCH: partial update by default (missing fields keep their values), creates the app
   * when missing, and `{"version": v}` alone rolls back to a stored version.
   */
  updateApps(bodies: Array<{ id: string; raw: unknown }>, opts: { force: boolean; partial: boolean; mustExist?: boolean; remove?: string[] }): { deployment: Deployment; created: boolean } {
    const version = this.store.nextVersion()
    const changes: AppChanges = new Map()
    let created = false
    const appsAfter = new Set(this.store.apps.keys())
    for (const { id } of bodies) appsAfter.add(id)
    for (const id of opts.remove ?? []) appsAfter.delete(id)
    for (const { id, raw } of bodies) {
      const before = this.store.apps.get(id)
      if (!before && opts.mustExist) throw appNotFound(id)
      if (!before) {
        created = true
        this.assertNoIdClash(id, appsAfter)
      }
      if (isObject(raw) && typeof raw.version === 'string' && Object.keys(raw).every((k) => k === 'version' || k === 'id')) {
        const stored = this.store.versions.get(id)?.get(raw.version)
        if (!stored) throw MarathonError.notFound(`App '${id}' does not exist in version ${raw.version}`)
        changes.set(id, this.stamp({ ...stored }, before, version, true))
        continue
      }
      const parsed = this.parseApp(raw, id, opts.partial ? before : undefined)
      changes.set(id, this.stamp(parsed, before, version))
    }
    for (const id of opts.remove ?? []) changes.set(id, undefined)
    const deployment = this.deployments.deploy(changes, { force: opts.force, version })
    for (const id of changes.keys()) this.queue.resetDelay(id)
    return { deployment, created }
  }

  deleteApp(id: string, force: boolean): Deployment {
    if (!this.store.apps.has(id)) throw appNotFound(id)
    return this.deployments.deploy(new Map([[id, undefined]]), { force, version: this.store.nextVersion() })
  }

  restartApp(id: string, force: boolean): Deployment {
    const app = this.store.apps.get(id)
    if (!app) throw appNotFound(id)
    const version = this.store.nextVersion()
    return this.deployments.deploy(new Map([[id, this.stamp(app, app, version, true)]]), { force, version })
  }

  /**
   * Kills tasks through the master. Without `scale` Marathon relaunches them; with `scale`
   * it lowers `instances` in a deployment; `wipe` also forgets the instance and its volumes.
   */
  killTasks(appId: string, instances: Instance[], opts: { scale: boolean; wipe: boolean; force: boolean }): Deployment | undefined {
    const app = this.store.apps.get(appId)
    if (!app) throw appNotFound(appId)
    if (opts.scale) {
      const version = this.store.nextVersion()
      const target = this.stamp({ ...app, instances: Math.max(0, app.instances - instances.length) }, app, version)
      return this.deployments.deploy(new Map([[appId, target]]), { force: opts.force, version, toKill: new Map([[appId, instances.map((i) => i.instanceId)]]) })
    }
    for (const i of instances) {
      if (opts.wipe) {
        this.wipe.add(i.instanceId)
        this.deployments.decommission(i)
      } else if (i.taskId && !isTerminal(i.condition)) this.master.killTask(i.taskId)
    }
    return undefined
  }

  // ---- deployments ------------------------------------------------------------------------------

  /** DELETE /v2/deployments/{id}: rollback deployment, or just stop with `force`. */
  cancelDeployment(id: string, force: boolean): Deployment | undefined {
    const d = this.deployments.deployments.get(id)
    if (!d) throw MarathonError.notFound(`DeploymentPlan ${id} does not exist`)
    this.deployments.cancel(id)
    if (force) return undefined
    // The rollback restores each affected app's definition from before the deployment.
    return this.deployments.deploy(new Map(d.original), { force: true, version: this.store.nextVersion() })
  }

  // ---- task lifecycle ---------------------------------------------------------------------------

  private onTerminal(inst: Instance, _task: SimTask, status: SimTaskStatus): void {
    const app = this.store.apps.get(inst.appId)
    if (inst.goal === 'Decommissioned' || !app) {
      if (this.wipe.delete(inst.instanceId) && inst.reservationId) this.master.unreserve(inst.reservationId)
      this.tracker.remove(inst)
      return
    }
    if (FAILURE_STATES.has(status.state)) this.queue.addDelay(app)
    // Marathon ≥1.8 keeps the instance and relaunches it with the next incarnation (a resident
    // instance stays on its reservation).
    this.queue.reschedule(inst)
  }

  private onUnreachable(inst: Instance): void {
    const app = this.store.apps.get(inst.appId)
    if (!app || app.unreachableStrategy === 'disabled' || inst.goal !== 'Running') return
    const { inactiveAfterSeconds, expungeAfterSeconds } = app.unreachableStrategy
    const timer = this.clock.after(inactiveAfterSeconds * 1000, () => {
      if (inst.condition !== 'Unreachable') return
      inst.condition = 'UnreachableInactive'
      this.bus.publish('instance_changed_event', { instanceId: inst.instanceId, condition: 'UnreachableInactive', runSpecId: inst.appId, agentId: inst.agentId ?? '', host: inst.host ?? '', runSpecVersion: inst.version })
      // Replaced at once; the unreachable one is expunged and killed if it ever comes back.
      this.clock.after(expungeAfterSeconds * 1000, () => {
        if (inst.condition !== 'UnreachableInactive' || !this.tracker.byApp.get(inst.appId)?.has(inst.instanceId)) return
        if (inst.taskId) this.tracker.orphanTasks.add(inst.taskId)
        this.tracker.remove(inst)
        const current = this.store.apps.get(inst.appId)
        if (current) this.deployments.scaleTo(current)
      })
    })
    inst.timers.push(timer)
  }

  /** Marathon's periodic scale check: apps outside deployments get their missing instances back. */
  reconcile(): void {
    for (const app of this.store.apps.values()) {
      if (this.deployments.isLocked(app.id)) continue
      const wanted = this.tracker.instancesOf(app.id).filter((i) => i.goal === 'Running' && !isTerminal(i.condition) && i.condition !== 'UnreachableInactive')
      if (wanted.length < app.instances) this.queue.schedule(app, app.instances - wanted.length)
    }
  }

  findInstanceByTask(taskId: string): Instance | undefined {
    return this.tracker.byTask.get(taskId)
  }
}
