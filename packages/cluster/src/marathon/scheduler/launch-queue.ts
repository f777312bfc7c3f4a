/**
 * Marathon's launch queue: Scheduled instances wait here until an offer matches. Every
 * allocation interval (1 s, as the Mesos allocator) each queued app sees the offerable
 * agents; declined offers are counted by reason (`processedOffersSummary`) so `/v2/queue`
 * can explain why an app does not start. Failures delay an app's launches with
 * `backoffSeconds * backoffFactor^n`, capped at `maxLaunchDelaySeconds`.
 */
import type { MesosMaster } from '../../mesos/state/master.ts'
import type { SimAgent } from '../../mesos/state/types.ts'
import type { SimClock } from '../../sim/clock.ts'
import type { SeededRandom } from '../../sim/random.ts'
import type { ResourceBag } from '../../sim/resources.ts'
import { isResident, portNames, type MarathonApp } from '../model/app-types.ts'
import { hostnameOf, safePath } from '../model/path-id.ts'
import type { AppStore } from './app-store.ts'
import { crashAfterMs, simulatesCrash, startupMs } from './health-sim.ts'
import { isActive, taskIdOf, type Instance } from './instance.ts'
import type { InstanceTracker } from './instance-tracker.ts'
import { fieldValue, firstReason, matchOffer, type RejectReason } from './offer-matcher.ts'

export const OFFER_INTERVAL_MS = 1000
const LAST_UNUSED_OFFERS = 10
/**
 * Offers an app sees per round. The allocator hands out each agent once per interval, spread
 * over frameworks; capping it keeps a waiting app on a 10,000-agent cluster cheap, and the
 * rotating start still shows it every agent over a few rounds.
 */
const MAX_OFFERS_PER_ROUND = 1000

export interface UnusedOffer {
  offer: Record<string, unknown>
  reason: RejectReason[]
  timestamp: string
}

export interface QueueStats {
  since: number
  processedOffersCount: number
  unusedOffersCount: number
  lastUnusedOfferAt?: number
  lastUsedOfferAt?: number
  /** offers of the most recent offer round, by first decline reason */
  lastRound: { total: number; declined: Map<RejectReason, number> }
  /** cumulative since the app entered the queue */
  launchAttempts: { total: number; declined: Map<RejectReason, number> }
  lastUnusedOffers: UnusedOffer[]
}

export interface Backoff {
  failures: number
  until: number
}

export class LaunchQueue {
  readonly stats = new Map<string, QueueStats>()
  readonly backoffs = new Map<string, Backoff>()
  private round = 0

  constructor(
    private readonly master: MesosMaster,
    private readonly clock: SimClock,
    private readonly random: SeededRandom,
    private readonly store: AppStore,
    private readonly tracker: InstanceTracker,
    private readonly frameworkId: () => string,
  ) {
    clock.every(OFFER_INTERVAL_MS, () => this.offerRound())
    // Unreserved availability per agent, kept across rounds and dropped when the agent's
    // tasks or reservations change: a 10,000-agent round then costs no resource arithmetic.
    master.on((e) => {
      if (e.type === 'TASK_ADDED' || e.type === 'TASK_UPDATED') this.available.delete(e.task.agentId)
      else if ('agent' in e) this.available.delete(e.agent.id)
    })
  }

  private readonly available = new Map<string, ResourceBag>()

  /** Creates `count` new Scheduled instances of `app`. */
  schedule(app: MarathonApp, count: number): Instance[] {
    const out: Instance[] = []
    for (let i = 0; i < count; i++) {
      const inst: Instance = {
        instanceId: `${safePath(app.id)}.instance-${this.random.uuid()}`,
        appId: app.id,
        incarnation: 1,
        condition: 'Scheduled',
        version: app.version,
        configVersion: app.versionInfo.lastConfigChangeAt,
        goal: 'Running',
        scheduledAt: this.clock.now(),
        hostPorts: [],
        ready: false,
        timers: [],
      }
      this.tracker.add(inst)
      out.push(inst)
    }
    if (count > 0) this.ensureStats(app.id)
    return out
  }

  /** Puts an existing instance back into the queue with the next incarnation (a relaunch). */
  reschedule(inst: Instance): void {
    inst.incarnation++
    inst.condition = 'Scheduled'
    delete inst.taskId
    delete inst.stagedAt
    delete inst.startedAt
    delete inst.health
    inst.ready = false
    inst.hostPorts = []
    inst.scheduledAt = this.clock.now()
    if (!inst.reservationId) {
      delete inst.agentId
      delete inst.host
    }
    this.ensureStats(inst.appId)
  }

  /** A failed launch or crash pushes the app's next launch back (Marathon's RateLimiter). */
  addDelay(app: MarathonApp): void {
    const b = this.backoffs.get(app.id) ?? { failures: 0, until: 0 }
    const delayS = Math.min(app.backoffSeconds * Math.pow(app.backoffFactor, b.failures), app.maxLaunchDelaySeconds)
    b.failures++
    b.until = this.clock.now() + delayS * 1000
    this.backoffs.set(app.id, b)
  }

  resetDelay(appId: string): void {
    this.backoffs.delete(appId)
  }

  delayLeftMs(appId: string): number {
    return Math.max(0, (this.backoffs.get(appId)?.until ?? 0) - this.clock.now())
  }

  scheduledOf(appId: string): Instance[] {
    return this.tracker.instancesOf(appId).filter((i) => i.condition === 'Scheduled' && i.goal === 'Running')
  }

  private ensureStats(appId: string): void {
    if (!this.stats.has(appId))
      this.stats.set(appId, {
        since: this.clock.now(),
        processedOffersCount: 0,
        unusedOffersCount: 0,
        lastRound: { total: 0, declined: new Map() },
        launchAttempts: { total: 0, declined: new Map() },
        lastUnusedOffers: [],
      })
  }

  /** One allocation round: every queued app is offered every offerable agent. */
  offerRound(): void {
    if (this.stats.size === 0) return
    const agents = this.master.offerableAgents()
    const available = this.available
    const avail = (a: SimAgent): ResourceBag => {
      let bag = available.get(a.id)
      if (!bag) available.set(a.id, (bag = this.master.unreservedAvailable(a)))
      return bag
    }
    const distinct = new Map<string, string[]>()
    const distinctValues = (field: string): string[] => {
      let v = distinct.get(field)
      if (!v) distinct.set(field, (v = [...new Set(agents.flatMap((a) => fieldValue(a, field) ?? []))]))
      return v
    }
    this.round++
    for (const [appId, stats] of [...this.stats]) {
      const app = this.store.apps.get(appId)
      const pending = app ? this.scheduledOf(appId) : []
      if (!app || pending.length === 0) {
        this.stats.delete(appId)
        continue
      }
      if (this.delayLeftMs(appId) > 0) continue
      const round = { total: 0, declined: new Map<RejectReason, number>() }
      const placed = this.tracker.instancesOf(appId).filter((i) => isActive(i) && i.agentId)
      const placedAgents = placed.flatMap((i) => this.master.agents.get(i.agentId!) ?? [])
      const start = agents.length > 0 ? (this.round * MAX_OFFERS_PER_ROUND) % agents.length : 0
      const unused: Array<{ agent: SimAgent; reasons: RejectReason[] }> = []
      for (let k = 0; k < Math.min(agents.length, MAX_OFFERS_PER_ROUND) && pending.length > 0; k++) {
        const agent = agents[(start + k) % agents.length]!
        const inst = pending[0]!
        const reasons = this.tryLaunch(app, inst, agent, () => avail(agent), { placedAgents, distinctValues })
        round.total++
        stats.processedOffersCount++
        if (reasons.length === 0) {
          pending.shift()
          placedAgents.push(agent)
          available.delete(agent.id)
          stats.lastUsedOfferAt = this.clock.now()
          continue
        }
        stats.unusedOffersCount++
        stats.lastUnusedOfferAt = this.clock.now()
        const first = firstReason(reasons)
        if (first) {
          round.declined.set(first, (round.declined.get(first) ?? 0) + 1)
          stats.launchAttempts.declined.set(first, (stats.launchAttempts.declined.get(first) ?? 0) + 1)
        }
        unused.push({ agent, reasons })
        if (unused.length > LAST_UNUSED_OFFERS) unused.shift()
      }
      for (const u of unused) stats.lastUnusedOffers.push({ offer: this.offerJson(u.agent, avail(u.agent)), reason: u.reasons, timestamp: this.clock.nowIso() })
      stats.lastUnusedOffers.splice(0, Math.max(0, stats.lastUnusedOffers.length - LAST_UNUSED_OFFERS))
      stats.launchAttempts.total += round.total
      stats.lastRound = round
      if (pending.length === 0) this.stats.delete(appId)
    }
  }

  /**
   * Launches a Scheduled instance on one chosen agent at once, outside the offer rounds (the
   * load profile seeds 100,000 instances this way): the same offer match and master launch
   * as a round, so declines come back as reasons and nothing is launched.
   */
  launchOn(app: MarathonApp, inst: Instance, agent: SimAgent, opts: { runningAtLaunch?: boolean } = {}): RejectReason[] {
    const placedAgents = this.tracker.instancesOf(app.id).flatMap((i) => (isActive(i) && i.agentId ? (this.master.agents.get(i.agentId) ?? []) : []))
    const distinctValues = (field: string): string[] => [...new Set(this.master.offerableAgents().flatMap((a) => fieldValue(a, field) ?? []))]
    const reasons = this.tryLaunch(app, inst, agent, () => this.master.unreservedAvailable(agent), { placedAgents, distinctValues }, opts.runningAtLaunch === true)
    if (reasons.length === 0) this.available.delete(agent.id)
    return reasons
  }

  /** Returns the decline reasons, or [] after launching the instance on the agent. */
  private tryLaunch(app: MarathonApp, inst: Instance, agent: SimAgent, unreserved: () => ResourceBag, ctx: Parameters<typeof matchOffer>[3], runningAtLaunch = false): RejectReason[] {
    const volumes = (app.container?.volumes ?? []).filter((v) => v.persistent)
    const volumeDisk = volumes.reduce((s, v) => s + (v.persistent?.size ?? 0), 0)
    let pool = unreserved
    if (inst.reservationId) {
      const r = agent.reservations.get(inst.reservationId)
      if (!r) return ['NoCorrespondingReservationFound']
      pool = () => ({ ...this.master.reservationAvailable(r), ports: unreserved().ports })
    }
    const match = matchOffer(app, agent, pool, ctx, app.disk + volumeDisk)
    if (!match.ok) return match.reasons
    const taskId = taskIdOf(inst.instanceId, inst.incarnation)
    if (isResident(app) && !inst.reservationId) {
      const persistenceId = `${safePath(app.id)}#${volumes[0]!.containerPath}#${this.random.uuid()}`
      const r = this.master.reserve({
        agentId: agent.id,
        role: app.role,
        principal: 'dcos_marathon',
        labels: [
          { key: 'marathon_framework_id', value: this.frameworkId() },
          { key: 'marathon_task_id', value: taskId },
        ],
        resources: { cpus: app.cpus, mem: app.mem, disk: app.disk + volumeDisk, gpus: app.gpus },
        volume: { persistenceId, containerPath: volumes[0]!.containerPath, mode: 'RW' },
      })
      if (!r) return ['InsufficientDisk']
      inst.reservationId = r.id
      inst.localVolumes = [{ containerPath: volumes[0]!.containerPath, persistenceId }]
    }
    // Registered before launching: the master reports TASK_STAGING synchronously.
    inst.taskId = taskId
    inst.agentId = agent.id
    inst.host = agent.hostname
    inst.stagedAt = this.clock.now()
    this.tracker.byTask.set(taskId, inst)
    const mesosCheck = app.healthChecks.find((h) => h.protocol.startsWith('MESOS_') || h.protocol === 'COMMAND')
    const result = this.master.launchTask({
      frameworkId: this.frameworkId(),
      agentId: agent.id,
      id: taskId,
      name: hostnameOf(app.id),
      resources: { cpus: app.cpus, mem: app.mem, disk: app.disk + volumeDisk, gpus: app.gpus },
      requestedPorts: match.ports,
      portNames: portNames(app),
      labels: Object.entries(app.labels).map(([key, value]) => ({ key, value })),
      ...(app.user !== undefined ? { user: app.user } : {}),
      ...(app.container ? { container: { type: app.container.type, ...(app.container.docker ? { image: app.container.docker.image } : {}) } } : {}),
      command: app.cmd ?? (app.args ?? []).join(' '),
      ...(inst.reservationId ? { reservationId: inst.reservationId } : {}),
      ...(mesosCheck
        ? { healthCheck: { type: mesosCheck.protocol === 'COMMAND' ? 'COMMAND' : mesosCheck.protocol.includes('HTTP') ? 'HTTP' : 'TCP', ...(mesosCheck.path ? { path: mesosCheck.path } : {}), ...(mesosCheck.portIndex !== undefined ? { portIndex: mesosCheck.portIndex } : {}) } as const }
        : {}),
      behavior: {
        startupMs: startupMs(app),
        ...(runningAtLaunch ? { runningAtLaunch } : {}),
        ...(simulatesCrash(app) ? { exit: { afterMs: crashAfterMs(app), state: 'TASK_FAILED' as const, message: 'Command exited with status 1' } } : {}),
      },
    })
    if (!result.ok) {
      this.tracker.byTask.delete(taskId)
      delete inst.taskId
      delete inst.stagedAt
      if (!inst.reservationId) {
        delete inst.agentId
        delete inst.host
      }
      inst.condition = 'Scheduled'
      return ['DeclinedScarceResources']
    }
    inst.hostPorts = result.task.hostPorts
    return []
  }

  /** Marathon's RAML Offer JSON for `lastUnusedOffers`. */
  private offerJson(agent: SimAgent, bag: ResourceBag): Record<string, unknown> {
    const scalar = (name: string, value: number): Record<string, unknown> => ({ name, role: agent.role, scalar: value })
    return {
      id: `${this.master.id}-O${this.round}-${agent.id.split('-S').pop()}`,
      hostname: agent.hostname,
      agentId: agent.id,
      resources: [
        scalar('cpus', bag.cpus),
        scalar('mem', bag.mem),
        scalar('disk', bag.disk),
        ...(bag.gpus > 0 ? [scalar('gpus', bag.gpus)] : []),
        { name: 'ports', role: agent.role, ranges: bag.ports.map((r) => ({ begin: r.begin, end: r.end })) },
      ],
      attributes: Object.entries(agent.attributes).map(([name, v]) => (typeof v === 'number' ? { name, scalar: v } : { name, text: v })),
    }
  }
}
