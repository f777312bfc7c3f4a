/**
 * One SDK scheduler (dcos-commons) run in-process: it registers its framework, persists target
 * configurations, rebuilds pod state from the master, generates plans and drives them on the
 * simulated clock — the goal-oriented loop of AbstractScheduler: every tick, each plan's
 * candidate steps compare target with current state and take the next offer operation.
 */
import type { SimClock, Timer } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import { TERMINAL_STATES, type MasterEvent, type SimTask } from '../mesos/state/types.ts'
import { TICK_MS } from './pacing.ts'
import { launchPodTasks, pickAgent, reservePod, type LaunchContext } from './pod-launcher.ts'
import { podInstanceName, type PodInstance } from './pod-instance.ts'
import { podFingerprint, type PodSpec, type ServiceSpec } from './service-spec.ts'
import { candidatePhases, candidateSteps, planStatus, type Plan, type Step } from './plan/plan-model.ts'
import { deployPlan, emptyRecoveryPlan, recoveryPhase, uninstallPlan } from './plan/plan-factory.ts'

const PERMANENT_STATES = new Set(['TASK_GONE', 'TASK_GONE_BY_OPERATOR', 'TASK_LOST', 'TASK_DROPPED'])

export interface StoredConfig {
  id: string
  spec: ServiceSpec
}

export class SdkScheduler {
  frameworkId = ''
  readonly configs = new Map<string, StoredConfig>()
  targetId = ''
  readonly pods = new Map<string, PodInstance>()
  deploy!: Plan
  recovery: Plan = emptyRecoveryPlan()
  /** task ids the scheduler killed itself (updates, restarts): not failures to recover */
  private readonly expectedKills = new Set<string>()
  /** Mesos task id → pod instance, for status updates */
  private readonly podOfTask = new Map<string, PodInstance>()
  private timer: Timer | undefined
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly master: MesosMaster,
    private readonly clock: SimClock,
    private readonly random: SeededRandom,
    spec: ServiceSpec,
  ) {
    this.setTarget(spec)
  }

  get spec(): ServiceSpec {
    return this.configs.get(this.targetId)!.spec
  }

  /** Registers (or re-registers after a scheduler restart) and starts the loop. */
  start(): void {
    const fw = this.master.registerFramework({
      ...(this.frameworkId ? { id: this.frameworkId } : {}),
      name: this.spec.name,
      user: this.spec.user,
      roles: [this.spec.role],
      principal: this.spec.principal,
      capabilities: ['PARTITION_AWARE', 'TASK_KILLING_STATE', 'MULTI_ROLE', 'RESERVATION_REFINEMENT', 'REGION_AWARE', 'GPU_RESOURCES'],
    })
    this.frameworkId = fw.id
    this.unsubscribe ??= this.master.on((e) => this.onMasterEvent(e))
    this.timer ??= this.clock.every(TICK_MS, () => this.tick())
  }

  /** The scheduler process went away (its Marathon task stopped): the loop pauses. */
  stop(): void {
    this.timer?.cancel()
    this.timer = undefined
    this.unsubscribe?.()
    this.unsubscribe = undefined
  }

  /**
   * A new target configuration (scheduler restarted with new env). Config validation first
   * (dcos-commons refuses to shrink a pod count: the deploy plan carries the error instead).
   */
  setTarget(spec: ServiceSpec): void {
    const previous = this.targetId ? this.spec : undefined
    if (previous && !spec.uninstall) {
      const errors = spec.pods.flatMap((p) => {
        const old = previous.pods.find((o) => o.type === p.type)
        return old && p.count < old.count ? [`Field: 'pod-count'; Value: '${p.count}'; Message: 'Pod count for '${p.type}' cannot be decreased from ${old.count} to ${p.count}'`] : []
      })
      if (errors.length > 0) {
        this.deploy = { ...this.deploy, errors }
        return
      }
    }
    const id = this.random.uuid()
    this.configs.set(id, { id, spec })
    this.targetId = id
    for (const pod of spec.pods) for (let i = 0; i < pod.count; i++) this.ensurePod(pod, i)
    if (spec.uninstall) {
      this.deploy = uninstallPlan(this.random, this.master, this.frameworkId, this.pods.values())
      this.recovery = emptyRecoveryPlan()
    } else {
      this.deploy = deployPlan(spec, this.random, (pod, tasks) => this.isPodCurrent(pod, tasks))
    }
  }

  plans(): Plan[] {
    return this.spec.uninstall ? [this.deploy] : [this.deploy, this.recovery]
  }

  podSpec(type: string): PodSpec | undefined {
    return this.spec.pods.find((p) => p.type === type)
  }

  private ensurePod(pod: PodSpec, index: number): PodInstance {
    const name = podInstanceName(pod.type, index)
    let inst = this.pods.get(name)
    if (!inst) {
      inst = { name, type: pod.type, index, taskIds: new Map() }
      this.pods.set(name, inst)
    }
    return inst
  }

  task(pod: PodInstance, taskName: string): SimTask | undefined {
    const id = pod.taskIds.get(taskName)
    return id ? this.master.getTask(id) : undefined
  }

  private isLive(t: SimTask | undefined): boolean {
    return t !== undefined && !TERMINAL_STATES.has(t.state)
  }

  /** A pod runs the target config and every RUNNING-goal task is up and ready. */
  private isPodCurrent(podName: string, tasks: string[]): boolean {
    const pod = this.pods.get(podName)
    const spec = pod && this.podSpec(pod.type)
    if (!pod || !spec || pod.fingerprint !== podFingerprint(spec)) return false
    return tasks.every((name) => {
      const t = this.task(pod, name)
      const goal = spec.tasks.find((x) => x.name === name)?.goal
      return goal === 'ONCE' ? t?.state === 'TASK_FINISHED' : t?.state === 'TASK_RUNNING' && (pod.readyAt ?? Infinity) <= this.clock.now()
    })
  }

  private launchContext(): LaunchContext {
    return {
      master: this.master,
      random: this.random,
      spec: this.spec,
      frameworkId: this.frameworkId,
      configId: this.targetId,
      occupied: (type, except) => {
        const set = new Set<string>()
        for (const p of this.pods.values()) if (p.type === type && p.name !== except && p.agentId && p.reservationId) set.add(p.agentId)
        return set
      },
    }
  }

  // ---- the loop --------------------------------------------------------------------------

  tick(): void {
    this.detectFailures()
    const active = this.spec.uninstall ? [this.deploy] : [this.deploy, this.recovery]
    for (const plan of active) {
      if (plan.errors.length > 0) continue
      for (const phase of candidatePhases(plan)) for (const step of candidateSteps(phase)) this.advance(step)
    }
  }

  private advance(step: Step): void {
    switch (step.kind) {
      case 'kill': {
        const t = step.target ? this.master.getTask(step.target) : undefined
        if (!this.isLive(t)) step.status = 'COMPLETE'
        else if (step.status === 'PENDING') {
          this.expectedKills.add(t!.id)
          this.master.killTask(t!.id)
          step.status = 'STARTING'
        }
        return
      }
      case 'unreserve':
        if (step.target) this.master.unreserve(step.target)
        step.status = 'COMPLETE'
        return
      case 'deregister':
        this.master.removeFramework(this.frameworkId)
        step.status = 'COMPLETE'
        return
      default:
        this.advancePodStep(step)
    }
  }

  private advancePodStep(step: Step): void {
    const pod = step.pod ? this.pods.get(step.pod) : undefined
    const spec = pod && this.podSpec(pod.type)
    if (!pod || !spec) return
    const tasks = step.tasks.map((n) => this.task(pod, n))
    if (step.status === 'PENDING' || step.status === 'PREPARED') {
      if (step.kind === 'deploy' && this.isPodCurrent(pod.name, step.tasks)) {
        step.status = 'COMPLETE'
        return
      }
      const live = tasks.filter((t) => this.isLive(t))
      if (live.length > 0) {
        // Update: kill the old tasks first (PREPARED), relaunch once they are gone.
        for (const t of live) {
          this.expectedKills.add(t!.id)
          if (t!.state !== 'TASK_KILLING') this.master.killTask(t!.id)
        }
        step.status = 'PREPARED'
        return
      }
      if (!this.ensureReservation(step, pod, spec)) return
      for (const n of step.tasks) {
        const old = pod.taskIds.get(n)
        if (old !== undefined) this.podOfTask.delete(old)
      }
      const launched = launchPodTasks(this.launchContext(), spec, pod, step.tasks)
      for (const t of launched) this.podOfTask.set(t.id, pod)
      if (launched.length === step.tasks.length) {
        pod.configId = this.targetId
        pod.fingerprint = podFingerprint(spec)
        pod.readyAt = undefined
        step.status = 'STARTING'
      }
      return
    }
    if (step.status === 'STARTING') {
      if (tasks.some((t) => !t || (TERMINAL_STATES.has(t.state) && t.state !== 'TASK_FINISHED'))) {
        step.status = 'PENDING'
        return
      }
      // RUNNING-goal tasks are started once RUNNING; ONCE tasks (init_system_keyspaces) only
      // when they have FINISHED (dcos-commons: goal state reached).
      const goalOf = (name: string): string | undefined => spec.tasks.find((x) => x.name === name)?.goal
      if (tasks.every((t, i) => (goalOf(step.tasks[i]!) === 'ONCE' ? t!.state === 'TASK_FINISHED' : t!.state === 'TASK_RUNNING'))) {
        pod.readyAt = this.clock.now() + spec.pace.readinessMs
        step.status = 'STARTED'
      }
      return
    }
    if (step.status === 'STARTED') {
      if (tasks.some((t) => !t || (TERMINAL_STATES.has(t.state) && t.state !== 'TASK_FINISHED'))) step.status = 'PENDING'
      else if ((pod.readyAt ?? Infinity) <= this.clock.now()) step.status = 'COMPLETE'
    }
  }

  /**
   * Keeps or makes the pod's reservation: in place when it still exists and fits the target
   * (transient recovery, unchanged resources); re-reserved on the same agent when resources
   * changed; a new agent on first launch or permanent recovery (replace).
   */
  private ensureReservation(step: Step, pod: PodInstance, spec: PodSpec): boolean {
    const existing = pod.reservationId ? this.master.findReservation(pod.reservationId) : undefined
    const needed = spec.tasks.reduce((s, t) => s + t.cpus, 0)
    if (existing && step.kind !== 'recover-permanent') {
      const fits = Math.abs(existing.resources.cpus - needed) < 1e-9 && existing.resources.disk === spec.diskMb && existing.resources.mem === spec.tasks.reduce((s, t) => s + t.mem, 0)
      if (fits) return true
      this.master.unreserve(existing.id)
      const agent = this.master.agents.get(existing.agentId)
      pod.reservationId = undefined
      if (agent && reservePod(this.launchContext(), spec, pod, agent)) return true
    }
    const previousAgent = pod.agentId
    if (existing) this.master.unreserve(existing.id)
    pod.reservationId = undefined
    pod.agentId = undefined
    const agent = pickAgent(this.launchContext(), spec, pod, step.kind === 'recover-permanent' ? previousAgent : undefined)
    return agent !== undefined && reservePod(this.launchContext(), spec, pod, agent)
  }

  // ---- recovery --------------------------------------------------------------------------

  /** A status update for one of our tasks: look at that pod at once rather than next tick. */
  private onMasterEvent(e: MasterEvent): void {
    if (e.type !== 'TASK_UPDATED' || e.task.frameworkId !== this.frameworkId) return
    if (!TERMINAL_STATES.has(e.status.state) || e.status.state === 'TASK_FINISHED') return
    if (this.expectedKills.delete(e.task.id)) return
    const pod = this.podOfTask.get(e.task.id)
    if (pod) this.checkPodHealth(pod)
  }

  /**
   * Reconciliation (DefaultRecoveryPlanManager): every deployed pod whose RUNNING-goal task is
   * gone or in a state that needs recovery (TaskUtils.isRecoveryNeeded: FINISHED, FAILED,
   * KILLED, ERROR, LOST, GONE, DROPPED) gets a recovery phase. TASK_UNREACHABLE is not a
   * failure: the pod waits for its agent to come back, unless automatic pod replacement is on
   * and the permanent-failure timeout has passed. State is read from the master, so this also
   * catches failures that happened while the scheduler itself was down (failover).
   */
  private detectFailures(): void {
    if (this.spec.uninstall) return
    for (const pod of this.pods.values()) this.checkPodHealth(pod)
  }

  private checkPodHealth(pod: PodInstance): void {
    const spec = this.podSpec(pod.type)
    if (!spec || pod.taskIds.size === 0 || this.spec.uninstall) return
    // A pod the deploy plan is working on is relaunched by that step, not by recovery.
    if (this.deploy.phases.some((ph) => ph.steps.some((s) => s.pod === pod.name && s.status !== 'COMPLETE' && s.status !== 'PENDING'))) return
    if (this.recovery.phases.some((ph) => ph.steps.some((s) => s.pod === pod.name && s.status !== 'COMPLETE'))) return
    const running = spec.tasks.filter((t) => t.goal === 'RUNNING').map((t) => t.name)
    let failed = false
    let permanent = pod.agentId !== undefined && !this.master.agents.has(pod.agentId)
    for (const name of running) {
      const id = pod.taskIds.get(name)
      if (id === undefined) continue
      const t = this.master.getTask(id)
      if (t && this.expectedKills.has(t.id)) continue
      if (!t || (TERMINAL_STATES.has(t.state) && !this.expectedKills.has(t.id))) {
        failed = true
        if (!t || PERMANENT_STATES.has(t.state)) permanent = true
      } else if (t.state === 'TASK_UNREACHABLE' && this.spec.permanentFailureTimeoutMs !== undefined) {
        const since = (t.statuses[t.statuses.length - 1]?.timestamp ?? 0) * 1000
        if (this.clock.now() - since >= this.spec.permanentFailureTimeoutMs) {
          failed = true
          permanent = true
          this.expectedKills.add(t.id)
          this.master.killTask(t.id)
        }
      }
    }
    if (!failed) return
    if (permanent) pod.reservationId = undefined
    this.recovery.phases.push(recoveryPhase(this.random, pod.name, running, permanent))
  }

  /** `pod/<name>/restart` (in place) or `/replace` (new reservation elsewhere). */
  restartPod(podName: string, replace: boolean): string[] | undefined {
    const pod = this.pods.get(podName)
    const spec = pod && this.podSpec(pod.type)
    if (!pod || !spec) return undefined
    const names = spec.tasks.filter((t) => t.goal === 'RUNNING').map((t) => t.name)
    for (const n of names) {
      const t = this.task(pod, n)
      if (t && this.isLive(t)) {
        this.expectedKills.add(t.id)
        this.master.killTask(t.id)
      }
    }
    if (replace && pod.reservationId) {
      this.master.unreserve(pod.reservationId)
      pod.reservationId = undefined
    }
    this.recovery.phases.push(recoveryPhase(this.random, pod.name, names, replace))
    return names.map((n) => `${pod.name}-${n}`)
  }

  /** Health (GET /v1/health): the SDK's deploy/recovery summary as a status code. */
  health(): number {
    const d = planStatus(this.deploy)
    const r = planStatus(this.recovery)
    if (d === 'ERROR') return 500
    if (d !== 'COMPLETE') return d === 'PENDING' ? 204 : d === 'WAITING' ? 207 : 202
    if (r !== 'COMPLETE') return r === 'PENDING' ? 203 : 205
    return 200
  }
}
