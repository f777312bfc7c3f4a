/**
 * Wire rendering in the field order of Metronome's Play JSON writes (api/v1/models). Optional
 * fields that are None are omitted, except JobRun.completedAt and the history timestamps,
 * which Metronome writes as explicit nulls.
 */
import type { FinishedRunInfo, JobHistory, JobRun, JobRunSpec, JobSpec, ScheduleSpec } from './types.ts'

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in the server zone (UTC here): 2016-07-15T13:02:59.735+0000. */
export function metronomeTime(ms: number): string {
  const d = new Date(ms)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`
  )
}

export function renderRunSpec(r: JobRunSpec): Record<string, unknown> {
  return {
    cpus: r.cpus,
    mem: r.mem,
    disk: r.disk,
    gpus: r.gpus,
    ...(r.cmd !== undefined ? { cmd: r.cmd } : {}),
    ...(r.args !== undefined ? { args: r.args } : {}),
    ...(r.user !== undefined ? { user: r.user } : {}),
    env: r.env,
    placement: r.placement,
    artifacts: r.artifacts,
    maxLaunchDelay: r.maxLaunchDelay,
    ...(r.docker ? { docker: { image: r.docker.image, privileged: r.docker.privileged, parameters: r.docker.parameters, forcePullImage: r.docker.forcePullImage } } : {}),
    ...(r.ucr ? { ucr: r.ucr } : {}),
    volumes: r.volumes,
    restart: r.restart,
    ...(r.taskKillGracePeriodSeconds !== undefined ? { taskKillGracePeriodSeconds: r.taskKillGracePeriodSeconds } : {}),
    secrets: r.secrets,
    networks: r.networks,
  }
}

export function renderJobSpec(spec: JobSpec): Record<string, unknown> {
  return {
    id: spec.id,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    labels: spec.labels,
    dependencies: spec.dependencies,
    run: renderRunSpec(spec.run),
  }
}

export function renderSchedule(s: ScheduleSpec, nextRunAt: number | undefined): Record<string, unknown> {
  return {
    id: s.id,
    cron: s.cron,
    timezone: s.timezone,
    startingDeadlineSeconds: s.startingDeadlineSeconds,
    concurrencyPolicy: s.concurrencyPolicy,
    enabled: s.enabled,
    ...(nextRunAt !== undefined ? { nextRunAt: metronomeTime(nextRunAt) } : {}),
  }
}

export function renderRun(run: JobRun): Record<string, unknown> {
  return {
    id: run.id,
    jobId: run.jobId,
    status: run.status,
    createdAt: metronomeTime(run.createdAt),
    completedAt: run.completedAt !== undefined ? metronomeTime(run.completedAt) : null,
    tasks: run.tasks.map((t) => ({
      id: t.id,
      startedAt: metronomeTime(t.startedAt),
      ...(t.completedAt !== undefined ? { completedAt: metronomeTime(t.completedAt) } : {}),
      status: t.status,
    })),
  }
}

const renderInfo = (i: FinishedRunInfo) => ({ id: i.id, createdAt: metronomeTime(i.createdAt), finishedAt: metronomeTime(i.finishedAt), tasks: i.tasks })

export function renderHistorySummary(h: JobHistory): Record<string, unknown> {
  return {
    successCount: h.successCount,
    failureCount: h.failureCount,
    lastSuccessAt: h.lastSuccessAt !== undefined ? metronomeTime(h.lastSuccessAt) : null,
    lastFailureAt: h.lastFailureAt !== undefined ? metronomeTime(h.lastFailureAt) : null,
  }
}

export function renderHistory(h: JobHistory): Record<string, unknown> {
  return {
    ...renderHistorySummary(h),
    successfulFinishedRuns: h.successfulFinishedRuns.map(renderInfo),
    failedFinishedRuns: h.failedFinishedRuns.map(renderInfo),
  }
}
