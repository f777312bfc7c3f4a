import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMetronomeCluster, type MetronomeTestCluster } from './test-support.ts'

let t: MetronomeTestCluster
beforeEach(async () => {
  t = await startMetronomeCluster({ empty: false, agents: 5 })
})
afterEach(async () => {
  await t.close()
})

describe('Metronome demo content', () => {
  it('has two scheduled jobs and one on-demand job whose startup runs really execute', async () => {
    const jobs = (await t.call('GET', '/v1/jobs?embed=schedules&embed=activeRuns')).body
    expect(jobs.map((j: { id: string }) => j.id)).toEqual(['backup.nightly-db', 'maintenance.cleanup-tmp', 'reports.hourly'])
    const byId = Object.fromEntries(jobs.map((j: { id: string }) => [j.id, j]))
    expect(byId['backup.nightly-db'].schedules[0]).toMatchObject({ cron: '0 2 * * *', nextRunAt: '2026-11-26T02:00:00.000+0000' })
    expect(byId['reports.hourly'].schedules[0]).toMatchObject({ cron: '0 * * * *', nextRunAt: '2026-11-25T13:00:00.000+0000' })
    expect(byId['maintenance.cleanup-tmp'].schedules).toEqual([])
    expect(jobs.reduce((n: number, j: { activeRuns: unknown[] }) => n + j.activeRuns.length, 0)).toBe(5)

    t.advance(5_000)
    const metronomeTasks = [...t.cluster.master.tasks.values()].filter((task) => t.cluster.master.frameworks.get(task.frameworkId)?.name === 'metronome')
    expect(metronomeTasks).toHaveLength(5)

    t.advance(10 * 60_000)
    const done = (await t.call('GET', '/v1/jobs?embed=history&embed=activeRuns')).body
    const finished = done.reduce((n: number, j: { history: { successCount: number; failureCount: number } }) => n + j.history.successCount + j.history.failureCount, 0)
    expect(finished).toBe(5)
    expect(done.every((j: { activeRuns: unknown[] }) => j.activeRuns.length === 0)).toBe(true)
  })

  it('is deterministic for a seed (same run outcomes twice)', async () => {
    t.advance(10 * 60_000)
    const first = (await t.call('GET', '/v1/jobs/reports.hourly?embed=historySummary')).body.historySummary
    const again = await startMetronomeCluster({ empty: false, agents: 5 })
    try {
      again.advance(10 * 60_000)
      expect((await again.call('GET', '/v1/jobs/reports.hourly?embed=historySummary')).body.historySummary).toEqual(first)
    } finally {
      await again.close()
    }
  })
})
