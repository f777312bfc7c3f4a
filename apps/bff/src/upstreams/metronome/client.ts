/**
 * Metronome adapter (`/service/metronome/v1/*`, upstream-apis.md §3). Job ids are validated by
 * the route schemas (dot-separated `[a-z0-9-]` segments), so they are URL-safe as they are;
 * they are still encoded. Metronome's 422 `{message, details:[{path, errors}]}` is mapped by the
 * shared client into per-field details.
 */
import { sendJson, type UpstreamClientOptions } from '../http.ts'
import type { MetronomeJob, MetronomeJobRun, MetronomeSchedule } from './wire.ts'

/** The Metronome adapter. */
export type MetronomeClient = ReturnType<typeof createMetronomeClient>

const LIST_EMBEDS = ['activeRuns', 'schedules', 'historySummary']
const DETAIL_EMBEDS = ['activeRuns', 'schedules', 'history']

/** Creates the adapter; `baseUrl` is the cluster origin. */
export function createMetronomeClient(opts: UpstreamClientOptions) {
  const m = { ...opts, baseUrl: `${opts.baseUrl}/service/metronome` }
  const job = (id: string) => `/v1/jobs/${encodeURIComponent(id)}`
  return {
    /** `GET /v1/jobs` with active runs, schedules and the history summary. */
    async jobs(): Promise<MetronomeJob[]> {
      return (await sendJson<MetronomeJob[]>('metronome', m, { path: '/v1/jobs', query: { embed: LIST_EMBEDS } })).body ?? []
    },
    /** `GET /v1/jobs/{id}` with active runs, schedules and full history. */
    async job(id: string): Promise<MetronomeJob> {
      return (await sendJson<MetronomeJob>('metronome', m, { path: job(id), query: { embed: DETAIL_EMBEDS } })).body
    },
    /** `POST /v1/jobs` (no schedule) → 201 JobSpec. */
    async createJob(spec: Record<string, unknown>): Promise<MetronomeJob> {
      return (await sendJson<MetronomeJob>('metronome', m, { method: 'POST', path: '/v1/jobs', body: spec })).body
    },
    /**
     * `POST /v0/scheduled-jobs`: job and schedule created atomically, so a schedule Metronome
     * rejects leaves no half-created job behind (the v1 API needs two calls).
     */
    async createScheduledJob(spec: Record<string, unknown>): Promise<MetronomeJob> {
      return (await sendJson<MetronomeJob>('metronome', m, { method: 'POST', path: '/v0/scheduled-jobs', body: spec })).body
    },
    /** `PUT /v1/jobs/{id}`: replaces the JobSpec; Metronome ignores `schedules` here. */
    async updateJob(id: string, spec: Record<string, unknown>): Promise<MetronomeJob> {
      return (await sendJson<MetronomeJob>('metronome', m, { method: 'PUT', path: job(id), body: { ...spec, id } })).body
    },
    /** `PUT /v0/scheduled-jobs/{id}`: replaces the JobSpec and its schedules together. */
    async updateScheduledJob(id: string, spec: Record<string, unknown>): Promise<MetronomeJob> {
      return (await sendJson<MetronomeJob>('metronome', m, { method: 'PUT', path: `/v0/scheduled-jobs/${encodeURIComponent(id)}`, body: { ...spec, id } })).body
    },
    /** `DELETE /v1/jobs/{id}`; without `stopCurrentJobRuns` Metronome answers 409 while runs are active. */
    async deleteJob(id: string, stopCurrentJobRuns: boolean): Promise<void> {
      await sendJson('metronome', m, { method: 'DELETE', path: job(id), query: { stopCurrentJobRuns } })
    },
    /** `POST /v1/jobs/{id}/runs` ("run now") → 201 JobRun. */
    async runNow(id: string): Promise<MetronomeJobRun> {
      return (await sendJson<MetronomeJobRun>('metronome', m, { method: 'POST', path: `${job(id)}/runs`, idempotent: false })).body
    },
    /** `POST /v1/jobs/{id}/runs/{runId}/actions/stop` → JobRun. */
    async stopRun(id: string, runId: string): Promise<MetronomeJobRun> {
      return (await sendJson<MetronomeJobRun>('metronome', m, { method: 'POST', path: `${job(id)}/runs/${encodeURIComponent(runId)}/actions/stop`, idempotent: false })).body
    },
    async schedules(id: string): Promise<MetronomeSchedule[]> {
      return (await sendJson<MetronomeSchedule[]>('metronome', m, { path: `${job(id)}/schedules` })).body ?? []
    },
    /** `POST /v1/jobs/{id}/schedules`; a second schedule is a 409 (one per job). */
    async addSchedule(id: string, schedule: Record<string, unknown>): Promise<MetronomeSchedule> {
      return (await sendJson<MetronomeSchedule>('metronome', m, { method: 'POST', path: `${job(id)}/schedules`, body: schedule })).body
    },
    async updateSchedule(id: string, scheduleId: string, schedule: Record<string, unknown>): Promise<MetronomeSchedule> {
      return (await sendJson<MetronomeSchedule>('metronome', m, { method: 'PUT', path: `${job(id)}/schedules/${encodeURIComponent(scheduleId)}`, body: { ...schedule, id: scheduleId } })).body
    },
    async deleteSchedule(id: string, scheduleId: string): Promise<void> {
      await sendJson('metronome', m, { method: 'DELETE', path: `${job(id)}/schedules/${encodeURIComponent(scheduleId)}` })
    },
  }
}
