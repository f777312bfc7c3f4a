import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobBody, startMetronomeCluster, type MetronomeTestCluster } from '../test-support.ts'

let t: MetronomeTestCluster
beforeEach(async () => {
  t = await startMetronomeCluster()
})
afterEach(async () => {
  await t.close()
})

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/

describe('Metronome job runs', () => {
  it('runs on demand: 201 STARTING, a real task on the master, ACTIVE, then SUCCESS in history', async () => {
    await t.call('POST', '/v1/jobs', jobBody('ops.run-me', { labels: { MERIDIAN_SIM_DURATION_SECONDS: '10' } }))
    const started = await t.call('POST', '/v1/jobs/ops.run-me/runs')
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ jobId: 'ops.run-me', status: 'STARTING', completedAt: null, tasks: [] })
    expect(started.body.id).toMatch(/^20261125120000[A-Za-z0-9]{5}$/)
    expect(started.body.createdAt).toBe('2026-11-25T12:00:00.000+0000')
    const runId: string = started.body.id
    expect((await t.call('GET', '/v1/jobs/ops.run-me/runs')).body).toEqual([started.body])
    expect((await t.call('GET', '/v1/queue')).body).toEqual([{ jobId: 'ops.run-me', runs: [{ runId }] }])

    t.advance(3_000) // offer cycle (1 s) + task startup (2 s)
    const active = (await t.call('GET', `/v1/jobs/ops.run-me/runs/${runId}`)).body
    expect(active.status).toBe('ACTIVE')
    expect(active.tasks).toHaveLength(1)
    const task = active.tasks[0]
    expect(task.id).toMatch(new RegExp(`^ops_run-me_${runId}\\.[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`))
    expect(task).toMatchObject({ status: 'TASK_RUNNING', startedAt: expect.stringMatching(TIMESTAMP) })
    const onMaster = t.cluster.master.tasks.get(task.id)!
    expect(onMaster.name).toBe(`${runId}.run-me.ops`)
    expect(t.cluster.master.frameworks.get(onMaster.frameworkId)?.name).toBe('metronome')
    expect(onMaster.resources).toMatchObject({ cpus: 0.1, mem: 64, disk: 0 })
    expect((await t.call('GET', '/v1/queue')).body).toEqual([])

    t.advance(10_000)
    expect(t.cluster.master.completedTasks.get(task.id)?.state).toBe('TASK_FINISHED')
    expect((await t.call('GET', '/v1/jobs/ops.run-me/runs')).body).toEqual([])
    expect(await t.call('GET', `/v1/jobs/ops.run-me/runs/${runId}`)).toMatchObject({
      status: 404,
      body: { jobSpec: 'ops.run-me', id: runId, message: 'Job Run not found' },
    })
    const history = (await t.call('GET', '/v1/jobs/ops.run-me?embed=history')).body.history
    expect(history).toEqual({
      successCount: 1,
      failureCount: 0,
      lastSuccessAt: '2026-11-25T12:00:13.000+0000',
      lastFailureAt: null,
      successfulFinishedRuns: [{ id: runId, createdAt: '2026-11-25T12:00:00.000+0000', finishedAt: '2026-11-25T12:00:13.000+0000', tasks: [task.id] }],
      failedFinishedRuns: [],
    })
  })

  it('a failing task fails the run under restart policy NEVER', async () => {
    await t.call('POST', '/v1/jobs', jobBody('breaks', { labels: { MERIDIAN_SIM_OUTCOME: 'fail', MERIDIAN_SIM_DURATION_SECONDS: '5' } }))
    const runId = (await t.call('POST', '/v1/jobs/breaks/runs')).body.id
    t.advance(10_000)
    const info = (await t.call('GET', '/v1/jobs/breaks?embed=history&embed=activeRuns')).body
    expect(info.activeRuns).toEqual([])
    expect(info.history).toMatchObject({ successCount: 0, failureCount: 1, lastSuccessAt: null, lastFailureAt: '2026-11-25T12:00:08.000+0000' })
    expect(info.history.failedFinishedRuns[0]).toMatchObject({ id: runId })
    expect(info.history.failedFinishedRuns[0].tasks).toHaveLength(1)
    expect(t.cluster.master.completedTasks.get(info.history.failedFinishedRuns[0].tasks[0])?.state).toBe('TASK_FAILED')
  })

  it('ON_FAILURE relaunches failed tasks until activeDeadlineSeconds, then FAILED', async () => {
    await t.call(
      'POST',
      '/v1/jobs',
      jobBody('retry', {
        labels: { MERIDIAN_SIM_OUTCOME: 'fail', MERIDIAN_SIM_DURATION_SECONDS: '5' },
        run: { restart: { policy: 'ON_FAILURE', activeDeadlineSeconds: 20 } },
      }),
    )
    const runId = (await t.call('POST', '/v1/jobs/retry/runs')).body.id
    t.advance(9_000) // first task failed at 8 s; relaunch after 1 s backoff
    const midway = (await t.call('GET', `/v1/jobs/retry/runs/${runId}`)).body
    expect(midway.tasks.length).toBe(2)
    expect(midway.tasks[0]).toMatchObject({ status: 'TASK_FAILED', completedAt: '2026-11-25T12:00:08.000+0000' })
    t.advance(60_000)
    const history = (await t.call('GET', '/v1/jobs/retry?embed=history')).body.history
    expect(history.failureCount).toBe(1)
    const failed = history.failedFinishedRuns[0]
    expect(failed.id).toBe(runId)
    // attempts end at 8 s, 16 s, 24 s: the third failure is past the 20 s deadline
    expect(failed.tasks).toHaveLength(3)
    expect(failed.finishedAt).toBe('2026-11-25T12:00:24.000+0000')
  })

  it('ON_FAILURE with a flaky job eventually succeeds on a later task', async () => {
    await t.call(
      'POST',
      '/v1/jobs',
      jobBody('flaky', {
        labels: { MERIDIAN_SIM_OUTCOME: 'flaky', MERIDIAN_SIM_FAILURE_RATE: '0.5', MERIDIAN_SIM_DURATION_SECONDS: '1' },
        run: { restart: { policy: 'ON_FAILURE' } },
      }),
    )
    for (let i = 0; i < 6; i++) await t.call('POST', '/v1/jobs/flaky/runs')
    t.advance(600_000)
    const history = (await t.call('GET', '/v1/jobs/flaky?embed=history')).body.history
    expect(history.successCount).toBe(6)
    const attempts = history.successfulFinishedRuns.map((r: { tasks: string[] }) => r.tasks.length)
    expect(Math.max(...attempts)).toBeGreaterThan(1)
  })

  it('stopping a run kills its task on the master and fails the run', async () => {
    await t.call('POST', '/v1/jobs', jobBody('long', { labels: { MERIDIAN_SIM_DURATION_SECONDS: '3600' } }))
    const runId = (await t.call('POST', '/v1/jobs/long/runs')).body.id
    t.advance(3_000)
    const taskId = (await t.call('GET', `/v1/jobs/long/runs/${runId}`)).body.tasks[0].id
    const stopped = await t.call('POST', `/v1/jobs/long/runs/${runId}/actions/stop`)
    expect(stopped.status).toBe(200)
    expect(stopped.body.id).toBe(runId)
    expect(t.cluster.master.tasks.get(taskId)?.state).toBe('TASK_KILLING')
    t.advance(1_000)
    expect(t.cluster.master.completedTasks.get(taskId)?.state).toBe('TASK_KILLED')
    const info = (await t.call('GET', '/v1/jobs/long?embed=history&embed=activeRuns')).body
    expect(info.activeRuns).toEqual([])
    expect(info.history.failureCount).toBe(1)
    expect(info.history.failedFinishedRuns[0].id).toBe(runId)
    expect(await t.call('POST', `/v1/jobs/long/runs/${runId}/actions/stop`)).toMatchObject({
      status: 404,
      body: { jobSpec: 'long', id: runId, message: 'Job Run not found' },
    })
    expect((await t.call('POST', `/v1/jobs/nope/runs/${runId}/actions/stop`)).body).toEqual({ id: 'nope', message: 'Job not found' })
  })

  it('keeps runs that fit no agent queued (no task) and stops a queued run without a task', async () => {
    await t.call('POST', '/v1/jobs', jobBody('huge', { run: { cpus: 512 } }))
    const runId = (await t.call('POST', '/v1/jobs/huge/runs')).body.id
    t.advance(60_000)
    const run = (await t.call('GET', `/v1/jobs/huge/runs/${runId}`)).body
    expect(run).toMatchObject({ status: 'STARTING', tasks: [] })
    expect((await t.call('GET', '/v1/queue')).body).toEqual([{ jobId: 'huge', runs: [{ runId }] }])
    expect([...t.cluster.master.tasks.values()].some((task) => task.id.startsWith('huge_'))).toBe(false)
    expect((await t.call('POST', `/v1/jobs/huge/runs/${runId}/actions/stop`)).status).toBe(200)
    expect((await t.call('GET', '/v1/jobs/huge?embed=historySummary')).body.historySummary.failureCount).toBe(1)
  })

  it('honours placement constraints when picking an agent', async () => {
    const target = [...t.cluster.master.agents.values()].find((a) => a.role === '*')!
    await t.call('POST', '/v1/jobs', jobBody('pinned', { run: { placement: { constraints: [{ attribute: 'hostname', operator: 'IS', value: target.hostname }] } } }))
    for (let i = 0; i < 3; i++) await t.call('POST', '/v1/jobs/pinned/runs')
    t.advance(3_000)
    const runs = (await t.call('GET', '/v1/jobs/pinned/runs')).body
    expect(runs).toHaveLength(3)
    for (const r of runs) expect(t.cluster.master.tasks.get(r.tasks[0].id)?.agentId).toBe(target.id)
  })
})
