/** Metronome JobInfo → JobView / JobDetailView. Pure. */
import type { JobDetailView, JobRunView, JobScheduleView, JobStatus, JobView } from '@meridian/api'
import type { MetronomeFinishedRun, MetronomeHistorySummary, MetronomeJob, MetronomeJobRun, MetronomeSchedule } from '../../upstreams/metronome/index.ts'
import { metronomeIso, metronomeMillis, secondsBetween } from './metronome-time.ts'

/** Embedded status members Metronome adds to a JobSpec; stripped so `definition` can be PUT back. */
const STATUS_FIELDS = new Set(['activeRuns', 'history', 'historySummary', 'schedules'])

export function toRunView(r: MetronomeJobRun): JobRunView {
  return {
    id: r.id,
    jobId: r.jobId,
    status: r.status,
    createdAt: metronomeIso(r.createdAt) ?? r.createdAt,
    completedAt: metronomeIso(r.completedAt),
    tasks: (r.tasks ?? []).map((t) => ({ id: t.id, status: t.status ?? 'TASK_CREATED', startedAt: metronomeIso(t.startedAt), completedAt: metronomeIso(t.completedAt) })),
  }
}

export function toScheduleView(s: MetronomeSchedule): JobScheduleView {
  return {
    id: s.id,
    cron: s.cron,
    timezone: s.timezone ?? 'UTC',
    enabled: s.enabled ?? true,
    nextRunAt: metronomeIso(s.nextRunAt),
    concurrencyPolicy: s.concurrencyPolicy ?? 'ALLOW',
  }
}

/** The newest finished run's outcome, from the counters' timestamps. */
export function lastRunOf(h: MetronomeHistorySummary | undefined): JobView['lastRun'] {
  const success = metronomeMillis(h?.lastSuccessAt)
  const failure = metronomeMillis(h?.lastFailureAt)
  if (success === null && failure === null) return null
  return (failure ?? -Infinity) > (success ?? -Infinity)
    ? { status: 'FAILED', finishedAt: new Date(failure!).toISOString() }
    : { status: 'SUCCESS', finishedAt: new Date(success!).toISOString() }
}

/**
 * Running while a run is active; else Failed when the newest finished run failed; else
 * Scheduled with an enabled schedule; else Completed once a run succeeded; else Unscheduled.
 */
export function deriveJobStatus(job: MetronomeJob): JobStatus {
  if ((job.activeRuns ?? []).length > 0) return 'Running'
  const last = lastRunOf(job.historySummary ?? job.history)
  if (last?.status === 'FAILED') return 'Failed'
  if ((job.schedules ?? []).some((s) => s.enabled !== false)) return 'Scheduled'
  return last ? 'Completed' : 'Unscheduled'
}

export function toJobView(job: MetronomeJob): JobView {
  const run = job.run ?? {}
  const h = job.historySummary ?? job.history
  const schedule = job.schedules?.[0]
  return {
    id: job.id,
    description: job.description ?? null,
    status: deriveJobStatus(job),
    cmd: run.cmd ?? (run.args ? run.args.join(' ') : null),
    image: run.docker?.image ?? run.ucr?.image?.id ?? null,
    resources: { cpus: run.cpus ?? 1, mem: run.mem ?? 128, disk: run.disk ?? 0, gpus: run.gpus ?? 0 },
    schedule: schedule ? toScheduleView(schedule) : null,
    activeRuns: (job.activeRuns ?? []).map(toRunView),
    history: { successCount: h?.successCount ?? 0, failureCount: h?.failureCount ?? 0, lastSuccessAt: metronomeIso(h?.lastSuccessAt), lastFailureAt: metronomeIso(h?.lastFailureAt) },
    labels: job.labels ?? {},
    lastRun: lastRunOf(h),
  }
}

function finished(r: MetronomeFinishedRun, status: 'SUCCESS' | 'FAILED'): JobDetailView['finishedRuns'][number] {
  return {
    id: r.id,
    status,
    createdAt: metronomeIso(r.createdAt) ?? r.createdAt,
    finishedAt: metronomeIso(r.finishedAt),
    tasks: r.tasks ?? [],
    durationSeconds: secondsBetween(r.createdAt, r.finishedAt),
  }
}

/** Detail: the view plus the editable JobSpec and finished runs, newest first. */
export function toJobDetail(job: MetronomeJob): JobDetailView {
  const definition: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(job)) if (!STATUS_FIELDS.has(k)) definition[k] = v
  const runs = [...(job.history?.successfulFinishedRuns ?? []).map((r) => finished(r, 'SUCCESS')), ...(job.history?.failedFinishedRuns ?? []).map((r) => finished(r, 'FAILED'))]
  runs.sort((a, b) => (b.finishedAt ?? b.createdAt).localeCompare(a.finishedAt ?? a.createdAt))
  return { ...toJobView(job), definition, finishedRuns: runs }
}
