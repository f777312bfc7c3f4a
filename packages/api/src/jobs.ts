/** Jobs (Metronome): list/detail views and inputs. */
import { z } from 'zod'
import type { JOB_STATUSES } from './view-states.ts'

// Defined zod-free in view-states.ts so the SPA can import it without zod.
export { JOB_STATUSES } from './view-states.ts'

/** One of {@link JOB_STATUSES}. */
export type JobStatus = (typeof JOB_STATUSES)[number]

/** A job run (Metronome JobRun). */
export interface JobRunView {
  id: string
  jobId: string
  status: 'INITIAL' | 'STARTING' | 'ACTIVE' | 'SUCCESS' | 'FAILED'
  /** ISO-8601 */
  createdAt: string
  completedAt: string | null
  tasks: Array<{ id: string; status: string; startedAt: string | null; completedAt: string | null }>
}

/** One job row. */
export interface JobView {
  id: string
  description: string | null
  status: JobStatus
  cmd: string | null
  image: string | null
  resources: { cpus: number; mem: number; disk: number; gpus: number }
  schedule: { id: string; cron: string; timezone: string; enabled: boolean; nextRunAt: string | null; concurrencyPolicy: string } | null
  activeRuns: JobRunView[]
  history: { successCount: number; failureCount: number; lastSuccessAt: string | null; lastFailureAt: string | null }
  labels: Record<string, string>
  /** outcome of the newest finished run (from Metronome's history summary) */
  lastRun: { status: 'SUCCESS' | 'FAILED'; finishedAt: string } | null
}

/** A job's schedule (Metronome ScheduleSpec with `nextRunAt`). */
export type JobScheduleView = NonNullable<JobView['schedule']>

/** GET /api/jobs/:id */
export interface JobDetailView extends JobView {
  definition: Record<string, unknown>
  finishedRuns: Array<{ id: string; status: 'SUCCESS' | 'FAILED'; createdAt: string; finishedAt: string | null; tasks: string[]; durationSeconds: number | null }>
}

/** GET /api/jobs */
export interface JobsListView {
  jobs: JobView[]
}

/** Metronome job ids: dot-separated segments of `[a-z0-9-]`, not starting/ending with `-`. */
export const JobIdSchema = z
  .string()
  .max(256)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'must be a Metronome job id like prod.backup')
/** `:id` path param. */
export const JobParamSchema = z.object({ id: JobIdSchema })
/** `:id/:runId` path params. */
export const JobRunParamSchema = z.object({ id: JobIdSchema, runId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'not a run id') })
/** Metronome schedule ids. */
export const ScheduleIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a schedule id like nightly')
/** `:id/schedules/:scheduleId` path params. */
export const JobScheduleParamSchema = z.object({ id: JobIdSchema, scheduleId: ScheduleIdSchema })
/** DELETE /api/jobs/:id query: `stopCurrentJobRuns=true` kills active runs (else Metronome answers 409). */
export const DeleteJobQuerySchema = z.object({ stopCurrentJobRuns: z.enum(['true', 'false']).optional() })
/** Metronome ScheduleSpec as the console edits it. */
export const JobScheduleSchema = z.object({
  id: ScheduleIdSchema,
  cron: z.string().min(9).max(200),
  timezone: z.string().max(64).optional(),
  startingDeadlineSeconds: z.number().int().min(1).optional(),
  concurrencyPolicy: z.enum(['ALLOW', 'FORBID']).optional(),
  enabled: z.boolean().optional(),
})
/** POST /api/jobs and PUT /api/jobs/:id body: a JobSpec (Metronome validates `run`; its 422 details come back per field) plus an optional schedule. */
export const JobSpecSchema = z.looseObject({
  id: JobIdSchema,
  description: z.string().max(10_000).optional(),
  run: z.looseObject({}),
  schedules: z.array(JobScheduleSchema).max(1).optional(),
})
/** POST /api/jobs body. */
export type JobSpecInput = z.infer<typeof JobSpecSchema>
/** POST/PUT /api/jobs/:id/schedules body. */
export type JobScheduleInput = z.infer<typeof JobScheduleSchema>
