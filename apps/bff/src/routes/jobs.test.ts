/** /api/jobs over HTTP against a served embedded cluster (real Metronome wire API). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
beforeAll(async () => {
  t = await serveBffOnCluster()
  await t.advance(5 * 60_000, 5000) // let the demo jobs' startup runs finish
})
afterAll(() => t.close())

const job = (id: string, extra: Record<string, unknown> = {}) => ({ id, description: 'test job', run: { cpus: 0.1, mem: 64, disk: 0, cmd: 'sleep 30' }, ...extra })

describe('/api/jobs', () => {
  it('lists jobs with schedule (cron, timezone, next run), last run and status', async () => {
    const res = await t.viewer.request('/api/jobs')
    expect(res.status).toBe(200)
    const { jobs } = await res.json()
    const nightly = jobs.find((j: { id: string }) => j.id === 'backup.nightly-db')
    expect(nightly.schedule).toMatchObject({ id: 'nightly', cron: '0 2 * * *', timezone: 'UTC', enabled: true, concurrencyPolicy: 'FORBID' })
    expect(nightly.schedule.nextRunAt).toMatch(/^\d{4}-\d\d-\d\dT02:00:00\.000Z$/)
    const hourly = jobs.find((j: { id: string }) => j.id === 'reports.hourly')
    expect(hourly.history.successCount + hourly.history.failureCount).toBeGreaterThanOrEqual(3)
    expect(hourly.lastRun.status).toMatch(/SUCCESS|FAILED/)
    expect(hourly.lastRun.finishedAt).toMatch(/Z$/)
    const cleanup = jobs.find((j: { id: string }) => j.id === 'maintenance.cleanup-tmp')
    expect(cleanup).toMatchObject({ schedule: null, status: 'Completed', lastRun: { status: 'SUCCESS' } })
  })

  it('shows detail with finished runs (durations, outcomes) newest first and the editable definition', async () => {
    const res = await t.viewer.request('/api/jobs/reports.hourly')
    expect(res.status).toBe(200)
    const d = await res.json()
    expect(d.finishedRuns.length).toBeGreaterThanOrEqual(3)
    for (const r of d.finishedRuns) {
      expect(['SUCCESS', 'FAILED']).toContain(r.status)
      expect(r.durationSeconds).toBeGreaterThan(0)
      expect(r.tasks.length).toBeGreaterThan(0)
    }
    expect(d.definition).toMatchObject({ id: 'reports.hourly', run: { cmd: 'python -m reports.hourly --since=1h' } })
    expect(d.definition.history).toBeUndefined()
    expect((await t.viewer.request('/api/jobs/no.such-job')).status).toBe(404)
  })

  it('creates a job with its schedule atomically, and surfaces Metronome 422 details per field without creating anything', async () => {
    const created = await t.operator.request('/api/jobs', { method: 'POST', json: job('test.created', { schedules: [{ id: 'daily', cron: '30 4 * * *', timezone: 'Europe/Berlin' }] }) })
    expect(created.status).toBe(201)
    const d = await created.json()
    expect(d.schedule).toMatchObject({ id: 'daily', cron: '30 4 * * *', timezone: 'Europe/Berlin' })
    expect(d.status).toBe('Scheduled')

    const bad = await t.operator.request('/api/jobs', { method: 'POST', json: { id: 'test.invalid', run: { cpus: -1, mem: 1, disk: 0, cmd: 'x' } } })
    expect(bad.status).toBe(422)
    const env = await bad.json()
    expect(env.error.kind).toBe('UpstreamRejected')
    expect(env.error.upstream).toMatchObject({ name: 'metronome', status: 422 })
    expect(env.error.details.map((x: { path: string }) => x.path).sort()).toEqual(['/run/cpus', '/run/mem'])
    expect((await t.viewer.request('/api/jobs/test.invalid')).status).toBe(404)
    const dup = await t.operator.request('/api/jobs', { method: 'POST', json: job('test.created') })
    expect(dup.status).toBe(409)
  })

  it('rejects bad input with 400 before calling Metronome', async () => {
    const before = t.calls.length
    const cases: Array<[string, RequestInit & { json?: unknown }]> = [
      ['/api/jobs', { method: 'POST', json: { id: 'Bad_ID', run: {} } }],
      ['/api/jobs', { method: 'POST', json: job('test.two-schedules', { schedules: [{ id: 'a', cron: '* * * * *' }, { id: 'b', cron: '* * * * *' }] }) }],
      ['/api/jobs/test.created', { method: 'PUT', json: job('test.other') }],
      ['/api/jobs/..%2F..%2Fv2', { method: 'DELETE' }],
      ['/api/jobs/test.created/runs/not-a-run!/stop', { method: 'POST' }],
      ['/api/jobs/test.created?stopCurrentJobRuns=yes', { method: 'DELETE' }],
      ['/api/jobs/test.created/schedules', { method: 'POST', json: { id: 'UPPER', cron: '* * * * *' } }],
    ]
    for (const [path, init] of cases) {
      const res = await t.operator.request(path, init)
      expect(res.status, path).toBe(400)
      expect((await res.json()).error.kind).toBe('ValidationFailed')
    }
    expect(t.calls.length).toBe(before)
  })

  it('forbids viewers to run, create or delete jobs', async () => {
    const before = t.calls.length
    expect((await t.viewer.request('/api/jobs/maintenance.cleanup-tmp/runs', { method: 'POST' })).status).toBe(403)
    expect((await t.viewer.request('/api/jobs', { method: 'POST', json: job('test.viewer') })).status).toBe(403)
    expect((await t.viewer.request('/api/jobs/test.created', { method: 'DELETE' })).status).toBe(403)
    expect(t.calls.length).toBe(before)
  })

  it('runs now, shows the active run, stops it, and deletes only with stopCurrentJobRuns while runs are active', async () => {
    const run = await t.operator.request('/api/jobs/test.created/runs', { method: 'POST' })
    expect(run.status).toBe(201)
    const r = await run.json()
    expect(r).toMatchObject({ jobId: 'test.created' })
    expect(['INITIAL', 'STARTING', 'ACTIVE']).toContain(r.status)
    await t.advance(3000)
    const d = await (await t.viewer.request('/api/jobs/test.created')).json()
    expect(d.status).toBe('Running')
    expect(d.activeRuns.map((x: { id: string }) => x.id)).toEqual([r.id])

    const stopped = await t.operator.request(`/api/jobs/test.created/runs/${r.id}/stop`, { method: 'POST' })
    expect(stopped.status).toBe(200)
    await t.advance(5000)
    const after = await (await t.viewer.request('/api/jobs/test.created')).json()
    expect(after.activeRuns).toEqual([])
    expect(after.finishedRuns[0]).toMatchObject({ id: r.id, status: 'FAILED' })

    await t.operator.request('/api/jobs/test.created/runs', { method: 'POST' })
    const conflict = await t.operator.request('/api/jobs/test.created', { method: 'DELETE' })
    expect(conflict.status).toBe(409)
    expect((await conflict.json()).error.message).toMatch(/stopCurrentJobRuns/)
    expect((await t.operator.request('/api/jobs/test.created?stopCurrentJobRuns=true', { method: 'DELETE' })).status).toBe(200)
    expect((await t.viewer.request('/api/jobs/test.created')).status).toBe(404)
  })

  it('edits a job: PUT keeps the schedule unless the body names schedules', async () => {
    await t.operator.request('/api/jobs', { method: 'POST', json: job('test.edit', { schedules: [{ id: 'hourly', cron: '0 * * * *' }] }) })
    const edited = await t.operator.request('/api/jobs/test.edit', { method: 'PUT', json: job('test.edit', { description: 'edited' }) })
    expect(edited.status).toBe(200)
    expect(await edited.json()).toMatchObject({ description: 'edited', schedule: { id: 'hourly' } })
    const replaced = await t.operator.request('/api/jobs/test.edit', { method: 'PUT', json: job('test.edit', { schedules: [{ id: 'nightly', cron: '0 3 * * *' }] }) })
    expect((await replaced.json()).schedule).toMatchObject({ id: 'nightly', cron: '0 3 * * *' })
    const bad = await t.operator.request('/api/jobs/test.edit', { method: 'PUT', json: job('test.edit', { run: { cpus: 0.1, mem: 1, disk: 0, cmd: 'x' } }) })
    expect(bad.status).toBe(422)
    expect((await (await t.viewer.request('/api/jobs/test.edit')).json()).definition.run.mem).toBe(64)
  })

  it('does schedule CRUD, with one schedule per job (Metronome 409)', async () => {
    await t.operator.request('/api/jobs', { method: 'POST', json: job('test.sched') })
    const added = await t.operator.request('/api/jobs/test.sched/schedules', { method: 'POST', json: { id: 'every-5', cron: '*/5 * * * *', concurrencyPolicy: 'FORBID' } })
    expect(added.status).toBe(201)
    expect(await added.json()).toMatchObject({ id: 'every-5', cron: '*/5 * * * *', timezone: 'UTC', concurrencyPolicy: 'FORBID', enabled: true })
    expect((await t.operator.request('/api/jobs/test.sched/schedules', { method: 'POST', json: { id: 'second', cron: '0 * * * *' } })).status).toBe(409)
    const put = await t.operator.request('/api/jobs/test.sched/schedules/every-5', { method: 'PUT', json: { cron: '*/10 * * * *', enabled: false } })
    expect(put.status).toBe(200)
    expect(await put.json()).toMatchObject({ id: 'every-5', cron: '*/10 * * * *', enabled: false })
    const badCron = await t.operator.request('/api/jobs/test.sched/schedules/every-5', { method: 'PUT', json: { cron: 'not a cron at all' } })
    expect(badCron.status).toBe(422)
    const list = await (await t.viewer.request('/api/jobs/test.sched/schedules')).json()
    expect(list.schedules).toHaveLength(1)
    expect(list.schedules[0].cron).toBe('*/10 * * * *')
    expect((await t.operator.request('/api/jobs/test.sched/schedules/every-5', { method: 'DELETE' })).status).toBe(200)
    expect((await (await t.viewer.request('/api/jobs/test.sched/schedules')).json()).schedules).toEqual([])
    expect((await t.operator.request('/api/jobs/test.sched/schedules/every-5', { method: 'DELETE' })).status).toBe(404)
  })

  it('feeds the dashboard with Metronome jobs (no longer degraded)', async () => {
    const d = await (await t.viewer.request('/api/dashboard')).json()
    expect(d.degraded).toEqual([])
    expect(d.jobs.total).toBeGreaterThanOrEqual(3)
    expect(d.jobs.failedLastRun).toBe((await (await t.viewer.request('/api/jobs')).json()).jobs.filter((j: { status: string }) => j.status === 'Failed').length)
    expect(d.plans).toMatchObject({ total: 0, inProgress: 0, active: [] })
  })
})
