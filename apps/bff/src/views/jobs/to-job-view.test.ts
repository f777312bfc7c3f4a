import { describe, expect, it } from 'vitest'
import type { MetronomeJob } from '../../upstreams/metronome/index.ts'
import { metronomeIso } from './metronome-time.ts'
import { deriveJobStatus, toJobDetail, toJobView } from './to-job-view.ts'

/** Real-shaped Metronome JobInfo (embed=activeRuns,schedules,history). */
const job: MetronomeJob = {
  id: 'reports.hourly',
  description: 'Aggregate hourly sales reports',
  labels: { team: 'analytics' },
  run: { cpus: 0.25, mem: 256, disk: 0, cmd: 'python -m reports.hourly', docker: { image: 'python:3.12' } },
  schedules: [{ id: 'hourly', cron: '0 * * * *', timezone: 'UTC', startingDeadlineSeconds: 900, concurrencyPolicy: 'ALLOW', enabled: true, nextRunAt: '2026-11-25T13:00:00.000+0000' }],
  activeRuns: [],
  history: {
    successCount: 1,
    failureCount: 1,
    lastSuccessAt: '2026-11-25T11:00:48.000+0000',
    lastFailureAt: '2026-11-25T12:00:45.000+0000',
    successfulFinishedRuns: [{ id: '20261125110000HIESp', createdAt: '2026-11-25T11:00:00.000+0000', finishedAt: '2026-11-25T11:00:48.000+0000', tasks: ['reports_hourly_20261125110000HIESp.x'] }],
    failedFinishedRuns: [{ id: '20261125120000RIoiU', createdAt: '2026-11-25T12:00:00.000+0000', finishedAt: '2026-11-25T12:00:45.000+0000', tasks: ['reports_hourly_20261125120000RIoiU.y'] }],
  },
}

describe('Metronome → job views', () => {
  it('turns Metronome +0000 timestamps into ISO Z', () => {
    expect(metronomeIso('2016-07-15T13:02:59.735+0000')).toBe('2016-07-15T13:02:59.735Z')
    expect(metronomeIso('2016-07-15T15:02:59.735+0200')).toBe('2016-07-15T13:02:59.735Z')
    expect(metronomeIso(null)).toBeNull()
    expect(metronomeIso('garbage')).toBeNull()
  })

  it('derives status from active runs, the newest outcome and the schedule', () => {
    expect(deriveJobStatus(job)).toBe('Failed')
    expect(deriveJobStatus({ ...job, activeRuns: [{ id: 'r', jobId: job.id, status: 'ACTIVE', createdAt: '2026-11-25T12:00:00.000+0000' }] })).toBe('Running')
    expect(deriveJobStatus({ ...job, history: { lastSuccessAt: '2026-11-25T13:00:00.000+0000', lastFailureAt: '2026-11-25T12:00:00.000+0000' } })).toBe('Scheduled')
    expect(deriveJobStatus({ id: 'x', run: {}, historySummary: { lastSuccessAt: '2026-11-25T13:00:00.000+0000' } })).toBe('Completed')
    expect(deriveJobStatus({ id: 'x', run: {} })).toBe('Unscheduled')
  })

  it('builds the row and the detail with durations, newest run first, and a definition without embeds', () => {
    const v = toJobView(job)
    expect(v).toMatchObject({ image: 'python:3.12', cmd: 'python -m reports.hourly', lastRun: { status: 'FAILED', finishedAt: '2026-11-25T12:00:45.000Z' } })
    expect(v.schedule).toEqual({ id: 'hourly', cron: '0 * * * *', timezone: 'UTC', enabled: true, nextRunAt: '2026-11-25T13:00:00.000Z', concurrencyPolicy: 'ALLOW' })
    const d = toJobDetail(job)
    expect(d.finishedRuns.map((r) => [r.id, r.status, r.durationSeconds])).toEqual([
      ['20261125120000RIoiU', 'FAILED', 45],
      ['20261125110000HIESp', 'SUCCESS', 48],
    ])
    expect(Object.keys(d.definition).sort()).toEqual(['description', 'id', 'labels', 'run'])
  })
})
