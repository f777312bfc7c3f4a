/**
 * Job runs on the embedded Mesos master, following Metronome's JobRunExecutor:
 * a run is created INITIAL, persisted as STARTING and queued; on the next offer cycle a task
 * is launched on a fitting agent (STARTING → ACTIVE once the task is staging/starting/running);
 * TASK_FINISHED → SUCCESS; a failed task is relaunched while `restart.policy` is ON_FAILURE and
 * `restart.activeDeadlineSeconds` (counted from the run's creation) allows, otherwise FAILED.
 * A scheduled run still queued when its `startingDeadlineSeconds` expires is aborted (FAILED,
 * no task). Stopping a run kills its task; the run ends FAILED. Finished runs leave the active
 * set for the job's history.
 *
 * Task ids follow Marathon's launch queue, which Metronome drives with the run spec id
 * `/<job path>/<runId>`: `<job path joined by _>_<runId>.<uuid>`, e.g.
 * `backup_nightly-db_20261125120000aB3dE.6f1c…`; the task name is that path as a hostname
 * (`<runId>.nightly-db.backup`).
 */
import type { SimClock } from '../../sim/clock.ts'
import type { SeededRandom } from '../../sim/random.ts'
import type { MesosMaster } from '../../mesos/state/master.ts'
import { TERMINAL_STATES, type MasterEvent, type TaskContainer } from '../../mesos/state/types.ts'
import type { JobRun, JobSpec } from '../model/types.ts'
import type { JobEntry, JobRegistry } from './job-registry.ts'
import { findAgent } from './placement.ts'
import { drawOutcome } from './sim-outcome.ts'

/** Virtual delay until the first offer reaches a new run (Mesos offer cycle). */
export const OFFER_CYCLE_MS = 1000
/** Retry period while no agent fits. */
export const RETRY_MS = 5000
/** Marathon launch-queue backoff before relaunching a failed task (backoffSeconds = 1). */
export const RESTART_BACKOFF_MS = 1000

const isTerminal = (state: string): boolean => (TERMINAL_STATES as ReadonlySet<string>).has(state)

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export class JobRunExecutor {
  private cursor = 0
  private readonly unsubscribe: () => void

  constructor(
    private readonly clock: SimClock,
    private readonly random: SeededRandom,
    private readonly master: MesosMaster,
    private readonly registry: JobRegistry,
    private readonly frameworkId: string,
  ) {
    this.unsubscribe = master.on((e) => this.onMasterEvent(e))
  }

  dispose(): void {
    this.unsubscribe()
  }

  /** JobRunId: yyyyMMddHHmmss (UTC) + 5 random alphanumerics, e.g. 20160715130259A34HX. */
  private newRunId(entry: JobEntry): string {
    const d = new Date(this.clock.now())
    const p = (n: number) => String(n).padStart(2, '0')
    const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`
    for (;;) {
      let suffix = ''
      for (let i = 0; i < 5; i++) suffix += ALNUM[this.random.int(0, ALNUM.length - 1)]
      const id = stamp + suffix
      if (!entry.runs.has(id)) return id
    }
  }

  /** Starts a run ("run now" or a cron firing); returns it already persisted (STARTING). */
  start(entry: JobEntry, opts: { startingDeadlineSeconds?: number } = {}): JobRun {
    const now = this.clock.now()
    const run: JobRun = { id: this.newRunId(entry), jobId: entry.spec.id, status: 'INITIAL', createdAt: now, tasks: [], stopping: false }
    entry.runs.set(run.id, run)
    run.status = 'STARTING'
    if (opts.startingDeadlineSeconds !== undefined) {
      run.startingDeadlineAt = now + opts.startingDeadlineSeconds * 1000
      this.clock.after(opts.startingDeadlineSeconds * 1000, () => {
        if (this.isActive(run) && !this.hasLiveTask(run) && run.tasks.length === 0) this.finish(run, 'FAILED')
      })
    }
    this.clock.after(OFFER_CYCLE_MS, () => this.tryLaunch(run))
    return run
  }

  /** POST .../actions/stop and DELETE ?stopCurrentJobRuns=true. */
  stop(run: JobRun): void {
    if (!this.isActive(run)) return
    run.stopping = true
    const live = run.tasks.filter((t) => !isTerminal(t.status))
    if (live.length === 0) {
      this.finish(run, 'FAILED')
      return
    }
    const spec = this.registry.get(run.jobId)?.spec
    const grace = spec?.run.taskKillGracePeriodSeconds
    for (const t of live) this.master.killTask(t.id, grace !== undefined ? { graceMs: grace * 1000 } : {})
  }

  /** Runs still waiting for an offer (GET /v1/queue). */
  isQueued(run: JobRun): boolean {
    return this.isActive(run) && !run.stopping && !this.hasLiveTask(run)
  }

  private isActive(run: JobRun): boolean {
    return this.registry.get(run.jobId)?.runs.get(run.id) === run
  }

  private hasLiveTask(run: JobRun): boolean {
    return run.tasks.some((t) => !isTerminal(t.status))
  }

  private tryLaunch(run: JobRun): void {
    const entry = this.registry.get(run.jobId)
    if (!entry || !this.isActive(run) || run.stopping || this.hasLiveTask(run)) return
    if (run.startingDeadlineAt !== undefined && run.tasks.length === 0 && this.clock.now() >= run.startingDeadlineAt) return
    const agent = findAgent(this.master, entry.spec.run, this.cursor++)
    if (!agent) {
      this.clock.after(RETRY_MS, () => this.tryLaunch(run))
      return
    }
    const spec = entry.spec
    const taskId = `${spec.id.split('.').join('_')}_${run.id}.${this.random.uuid()}`
    const outcome = drawOutcome(spec.labels, this.random)
    run.tasks.push({ id: taskId, startedAt: this.clock.now(), status: 'TASK_CREATED' })
    this.registry.indexTask(taskId, run)
    const result = this.master.launchTask({
      frameworkId: this.frameworkId,
      agentId: agent.id,
      id: taskId,
      name: [run.id, ...spec.id.split('.').reverse()].join('.'),
      resources: { cpus: spec.run.cpus, mem: spec.run.mem, disk: spec.run.disk, gpus: spec.run.gpus },
      role: '*',
      labels: Object.entries(spec.labels).map(([key, value]) => ({ key, value })),
      ...(spec.run.user !== undefined ? { user: spec.run.user } : {}),
      ...containerOf(spec),
      command: spec.run.cmd ?? (spec.run.args ?? []).join(' '),
      behavior: { startupMs: 2000, exit: { afterMs: outcome.afterMs, state: outcome.state, message: outcome.message } },
    })
    if (!result.ok) {
      run.tasks.pop()
      this.clock.after(RETRY_MS, () => this.tryLaunch(run))
    }
  }

  private onMasterEvent(e: MasterEvent): void {
    if (e.type !== 'TASK_UPDATED' || e.task.frameworkId !== this.frameworkId) return
    const run = this.registry.runOfTask(e.task.id)
    if (!run || !this.isActive(run)) return
    const task = run.tasks.find((t) => t.id === e.task.id)
    if (!task) return
    const state = e.status.state
    task.status = state
    if (state === 'TASK_STAGING' || state === 'TASK_STARTING' || state === 'TASK_RUNNING') {
      if (!run.stopping) run.status = 'ACTIVE'
      return
    }
    if (!isTerminal(state)) return
    task.completedAt = this.clock.now()
    if (state === 'TASK_FINISHED' && !run.stopping) {
      this.finish(run, 'SUCCESS')
      return
    }
    const restart = this.registry.get(run.jobId)?.spec.run.restart
    const deadline = restart?.activeDeadlineSeconds
    const withinDeadline = deadline === undefined || this.clock.now() - run.createdAt < deadline * 1000
    if (!run.stopping && restart?.policy === 'ON_FAILURE' && withinDeadline) {
      run.status = 'STARTING'
      this.clock.after(RESTART_BACKOFF_MS, () => this.tryLaunch(run))
      return
    }
    this.finish(run, 'FAILED')
  }

  private finish(run: JobRun, status: 'SUCCESS' | 'FAILED'): void {
    run.status = status
    run.completedAt = this.clock.now()
    this.registry.archive(run)
  }
}

function containerOf(spec: JobSpec): { container?: TaskContainer } {
  if (spec.run.docker) return { container: { type: 'DOCKER', image: spec.run.docker.image } }
  if (spec.run.ucr) return { container: { type: 'MESOS', image: spec.run.ucr.image.id } }
  return {}
}
