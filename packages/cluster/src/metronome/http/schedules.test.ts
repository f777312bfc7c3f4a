import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobBody, startMetronomeCluster, type MetronomeTestCluster } from '../test-support.ts'

let t: MetronomeTestCluster
beforeEach(async () => {
  t = await startMetronomeCluster()
})
afterEach(async () => {
  await t.close()
})

const MINUTE = 60_000

describe('Metronome schedules', () => {
  it('creates (201, defaults and nextRunAt), reads, updates and deletes a schedule', async () => {
    await t.call('POST', '/v1/jobs', jobBody('sched'))
    const created = await t.call('POST', '/v1/jobs/sched/schedules', { id: 'nightly', cron: '30 2 * * *' })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: 'nightly',
      cron: '30 2 * * *',
      timezone: 'UTC',
      startingDeadlineSeconds: 900,
      concurrencyPolicy: 'ALLOW',
      enabled: true,
      nextRunAt: '2026-11-26T02:30:00.000+0000',
    })
    expect((await t.call('GET', '/v1/jobs/sched/schedules')).body).toEqual([created.body])
    expect((await t.call('GET', '/v1/jobs/sched/schedules/nightly')).body).toEqual(created.body)

    const updated = await t.call('PUT', '/v1/jobs/sched/schedules/nightly', { id: 'nightly', cron: '0 8 * * *', timezone: 'America/New_York', concurrencyPolicy: 'FORBID' })
    expect(updated.status).toBe(200)
    // 08:00 in New York in November is 13:00 UTC
    expect(updated.body).toMatchObject({ cron: '0 8 * * *', timezone: 'America/New_York', concurrencyPolicy: 'FORBID', nextRunAt: '2026-11-25T13:00:00.000+0000' })

    const deleted = await t.call('DELETE', '/v1/jobs/sched/schedules/nightly')
    expect(deleted).toMatchObject({ status: 200, body: undefined })
    expect((await t.call('GET', '/v1/jobs/sched/schedules')).body).toEqual([])
  })

  it('404s with the UnknownSchedule / UnknownJob bodies and 409s a second schedule', async () => {
    await t.call('POST', '/v1/jobs', jobBody('one'))
    expect(await t.call('GET', '/v1/jobs/one/schedules/none')).toMatchObject({ status: 404, body: { id: 'none', message: 'Schedule not found' } })
    expect(await t.call('PUT', '/v1/jobs/one/schedules/none', { id: 'none', cron: '* * * * *' })).toMatchObject({ status: 404, body: { id: 'none', message: 'Schedule not found' } })
    expect(await t.call('DELETE', '/v1/jobs/one/schedules/none')).toMatchObject({ status: 404, body: { id: 'none', message: 'Schedule not found' } })
    expect(await t.call('GET', '/v1/jobs/nope/schedules')).toMatchObject({ status: 404, body: { id: 'nope', message: 'Job not found' } })
    expect(await t.call('POST', '/v1/jobs/nope/schedules', { id: 'aa', cron: '* * * * *' })).toMatchObject({ status: 404, body: { id: 'nope' } })
    expect((await t.call('POST', '/v1/jobs/one/schedules', { id: 'first', cron: '* * * * *' })).status).toBe(201)
    expect(await t.call('POST', '/v1/jobs/one/schedules', { id: 'second', cron: '* * * * *' })).toMatchObject({
      status: 409,
      body: { message: 'requirement failed: Only one schedule supported at the moment' },
    })
    expect(await t.call('POST', '/v1/jobs/one/schedules', { id: 'first', cron: '0 * * * *' })).toMatchObject({
      status: 409,
      body: { message: 'requirement failed: Can only create a non existing schedule' },
    })
    expect((await t.call('GET', '/v1/jobs/one/schedules')).body.map((s: { id: string; cron: string }) => [s.id, s.cron])).toEqual([['first', '* * * * *']])
  })

  it('rejects a bad cron, time zone, policy or schedule id with 422 and stores nothing', async () => {
    await t.call('POST', '/v1/jobs', jobBody('strict'))
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ id: 'aa', cron: 'every day' }, '/cron', 'Can not read cron expression "every day"'],
      [{ id: 'aa', cron: '61 * * * *' }, '/cron', 'Can not read cron expression "61 * * * *"'],
      [{ id: 'aa', cron: '0 0 * * * *' }, '/cron', 'Can not read cron expression "0 0 * * * *"'],
      [{ id: 'aa', cron: '* * * * *', timezone: 'Mars/Olympus' }, '/timezone', 'No time zone found with this id: "Mars/Olympus"'],
      [{ id: 'aa', cron: '* * * * *', concurrencyPolicy: 'REPLACE' }, '/concurrencyPolicy', `'"REPLACE"' is not a valid concurrency policy.`],
      [{ id: 'aa', cron: '* * * * *', concurrencyPolicy: 'SOMETIMES' }, '/concurrencyPolicy', 'Instance is invalid enum value.'],
      [{ id: 'Bad', cron: '* * * * *' }, '/id', "'Bad' does not match pattern"],
      [{ id: 'aa', cron: '* * * * *', startingDeadlineSeconds: 0 }, '/startingDeadlineSeconds', '0 is smaller than required minimum value of 1.'],
      [{ id: 'aa' }, '/', 'Property cron missing.'],
    ]
    for (const [body, path, message] of cases) {
      const res = await t.call('POST', '/v1/jobs/strict/schedules', body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(res.body.message).toBe('Object is not valid')
      const detail = res.body.details.find((d: { path: string }) => d.path === path)
      expect(detail?.errors.some((e: string) => e.startsWith(message)), JSON.stringify(res.body)).toBe(true)
    }
    expect((await t.call('GET', '/v1/jobs/strict/schedules')).body).toEqual([])
    t.advance(5 * MINUTE)
    expect((await t.call('GET', '/v1/jobs/strict?embed=activeRuns')).body.activeRuns).toEqual([])
  })

  it('fires on the simulated clock: run appears, its task runs on the master, then SUCCESS in history', async () => {
    await t.call('POST', '/v1/jobs', jobBody('cron.job', { labels: { MERIDIAN_SIM_DURATION_SECONDS: '30' } }))
    await t.call('POST', '/v1/jobs/cron.job/schedules', { id: 'quarter', cron: '15 12 * * *' })
    t.advance(14 * MINUTE)
    expect((await t.call('GET', '/v1/jobs/cron.job/runs')).body).toEqual([])
    t.advance(MINUTE + 3_000)
    const runs = (await t.call('GET', '/v1/jobs/cron.job/runs')).body
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ status: 'ACTIVE', createdAt: '2026-11-25T12:15:00.000+0000' })
    expect(runs[0].id).toMatch(/^20261125121500[A-Za-z0-9]{5}$/)
    const taskId = runs[0].tasks[0].id
    expect(t.cluster.master.tasks.get(taskId)?.state).toBe('TASK_RUNNING')
    t.advance(30_000)
    const info = (await t.call('GET', '/v1/jobs/cron.job?embed=history&embed=schedules')).body
    expect(info.history.successCount).toBe(1)
    expect(info.history.successfulFinishedRuns[0]).toMatchObject({ id: runs[0].id, tasks: [taskId] })
    expect(info.schedules[0].nextRunAt).toBe('2026-11-26T12:15:00.000+0000')
    expect(t.cluster.master.completedTasks.get(taskId)?.state).toBe('TASK_FINISHED')
  })

  it('honours the schedule time zone and skips disabled schedules', async () => {
    await t.call('POST', '/v1/jobs', jobBody('tz'))
    await t.call('POST', '/v1/jobs/tz/schedules', { id: 'morning', cron: '5 8 * * *', timezone: 'America/New_York' })
    await t.call('POST', '/v1/jobs', jobBody('off'))
    await t.call('POST', '/v1/jobs/off/schedules', { id: 'never', cron: '5 13 * * *', enabled: false })
    t.advance(64 * MINUTE) // 13:04 UTC = 08:04 New York
    expect((await t.call('GET', '/v1/jobs/tz/runs')).body).toEqual([])
    t.advance(MINUTE)
    expect((await t.call('GET', '/v1/jobs/tz/runs')).body).toHaveLength(1)
    expect((await t.call('GET', '/v1/jobs/off/runs')).body).toEqual([])
  })

  it('FORBID skips instants while a run is active; ALLOW starts overlapping runs', async () => {
    const long = { labels: { MERIDIAN_SIM_DURATION_SECONDS: '150' } }
    await t.call('POST', '/v1/jobs', jobBody('forbid', long))
    await t.call('POST', '/v1/jobs/forbid/schedules', { id: 'every-minute', cron: '* * * * *', concurrencyPolicy: 'FORBID' })
    await t.call('POST', '/v1/jobs', jobBody('allow', long))
    await t.call('POST', '/v1/jobs/allow/schedules', { id: 'every-minute', cron: '* * * * *', concurrencyPolicy: 'ALLOW' })
    t.advance(3 * MINUTE + 1_000) // instants at 12:01, 12:02, 12:03; the first run lasts until ~12:03:33
    const forbidden = (await t.call('GET', '/v1/jobs/forbid/runs')).body
    expect(forbidden).toHaveLength(1)
    expect(forbidden[0].createdAt).toBe('2026-11-25T12:01:00.000+0000')
    expect((await t.call('GET', '/v1/jobs/allow/runs')).body).toHaveLength(3)
    t.advance(MINUTE) // 12:04: the 12:01 run finished at 12:03:33, so FORBID launches again
    const after = (await t.call('GET', '/v1/jobs/forbid?embed=activeRuns&embed=history')).body
    expect(after.history.successCount).toBe(1)
    expect(after.activeRuns.map((r: { createdAt: string }) => r.createdAt)).toEqual(['2026-11-25T12:04:00.000+0000'])
  })

  it('aborts a scheduled run that cannot start within startingDeadlineSeconds', async () => {
    await t.call('POST', '/v1/jobs', jobBody('no-room', { run: { cpus: 512 } }))
    await t.call('POST', '/v1/jobs/no-room/schedules', { id: 'hourly', cron: '0 * * * *', startingDeadlineSeconds: 60, concurrencyPolicy: 'FORBID' })
    t.advance(60 * MINUTE + 30_000)
    expect((await t.call('GET', '/v1/jobs/no-room/runs')).body).toHaveLength(1)
    t.advance(31_000)
    const info = (await t.call('GET', '/v1/jobs/no-room?embed=activeRuns&embed=history')).body
    expect(info.activeRuns).toEqual([])
    expect(info.history.failureCount).toBe(1)
    expect(info.history.failedFinishedRuns[0]).toMatchObject({ createdAt: '2026-11-25T13:00:00.000+0000', finishedAt: '2026-11-25T13:01:00.000+0000', tasks: [] })
  })

  it('v0 /scheduled-jobs creates and replaces a job together with its schedule', async () => {
    const body = { ...jobBody('v0.job'), schedules: [{ id: 'daily', cron: '0 4 * * *' }] }
    const created = await t.call('POST', '/v0/scheduled-jobs', body)
    expect(created.status).toBe(201)
    expect(created.body.schedules).toEqual([expect.objectContaining({ id: 'daily', cron: '0 4 * * *', nextRunAt: '2026-11-26T04:00:00.000+0000' })])
    const replaced = await t.call('PUT', '/v0/scheduled-jobs/v0.job', { ...jobBody('v0.job'), schedules: [{ id: 'daily', cron: '0 5 * * *' }] })
    expect(replaced.status).toBe(200)
    expect((await t.call('GET', '/v1/jobs/v0.job/schedules')).body[0].cron).toBe('0 5 * * *')
    const bad = await t.call('POST', '/v0/scheduled-jobs', { ...jobBody('v0.bad'), schedules: [{ id: 'daily', cron: 'nope' }] })
    expect(bad.status).toBe(422)
    expect(bad.body.details[0].path).toBe('/schedules(0)/cron')
    expect((await t.call('GET', '/v1/jobs/v0.bad')).status).toBe(404)
  })
})
