/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
import { afterEach, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../../testing/serve-cluster.ts'

let served: ServedCluster | undefined
afterEach(async () => {
  await served?.close()
})

describe('Marathon demo content', () => {
  it('runs the demo services, keeps the trainer waiting and reports the unhealthy app', async () => {
    served = await serveCluster({ agents: 10 })
    for (let i = 0; i < 40; i++) served.cluster.clock.advance(1000)
    const get = async (path: string) => (await fetch(`${served!.baseUrl}/service/marathon${path}`)).json() as Promise<any>
    const apps = (await get('/v2/apps')).apps as any[]
    const byId = new Map(apps.map((a) => [a.id, a]))
    expect(byId.get('/prod/web/frontend')).toMatchObject({ tasksRunning: 2, tasksHealthy: 2 })
    expect(byId.get('/prod/api/orders')).toMatchObject({ tasksRunning: 3, tasksHealthy: 3 })
    expect(byId.get('/prod/api/payments')).toMatchObject({ tasksRunning: 2 })
    expect(byId.get('/dev/batch/ingest')).toMatchObject({ tasksRunning: 1 })
    expect(byId.get('/analytics/spark-history')).toMatchObject({ tasksRunning: 1 })
    expect(byId.get('/dev/legacy/reports')).toMatchObject({ tasksUnhealthy: 1 })
    const frontend = (await get('/v2/apps/prod/web/frontend')).app
    for (const task of frontend.tasks) expect(served.cluster.master.agents.get(task.slaveId)!.public).toBe(true)
    const trainer = ((await get('/v2/queue')).queue as any[]).find((q) => q.app.id === '/dev/ml/trainer')
    expect(trainer.processedOffersSummary.rejectSummaryLastOffers.find((e: any) => e.reason === 'InsufficientCpus').declined).toBeGreaterThan(0)
  })
})
