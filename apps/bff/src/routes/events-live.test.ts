/**
 * Live deltas over real SSE: a served BFF whose hub subscribes to a served embedded cluster's
 * Mesos SUBSCRIBE and Marathon /v2/events. Changes are made at the cluster directly (as another
 * client of the cluster would), so the deltas can only come from the upstream streams.
 */
import type { JobDelta, LiveDelta, ServiceDelta, ServiceView } from '@meridian/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDeltaStream, serveApp, loginServed, type DeltaStream, type ServedApp } from '../testing/delta-stream.ts'
import { serveBffOnCluster, type ServedBff } from '../testing/served-bff.ts'

let t: ServedBff
let bff: ServedApp
let stream: DeltaStream

beforeAll(async () => {
  t = await serveBffOnCluster({
    app: { serviceSnapshots: { debounceMs: 20 }, jobFeed: { debounceMs: 20 }, dashboardFeed: { debounceMs: 50, maxWaitMs: 300 }, planFeed: { debounceMs: 20, settleMs: 50 } },
  })
  bff = await serveApp(t.app)
  stream = await openDeltaStream(await loginServed(bff, 'viewer'))
})
afterAll(async () => {
  await stream.close()
  bff.close()
  await t.close()
})

const cluster = (path: string, init?: RequestInit) => fetch(t.served.baseUrl + path, init)
const since = (n: number) => stream.deltas.slice(n)
const of = <T extends LiveDelta['type']>(ds: LiveDelta[], type: T) => ds.filter((d): d is Extract<LiveDelta, { type: T }> => d.type === type)

describe('live deltas from the upstream streams', () => {
  it('attaches to Mesos SUBSCRIBE and Marathon /v2/events (one resync each)', async () => {
    await expect.poll(() => stream.deltas.filter((d) => d.type === 'resync').length, { timeout: 5000 }).toBe(2)
    expect(of(stream.deltas, 'upstream.status').filter((d) => d.connected).map((d) => d.upstream).sort()).toEqual(['marathon', 'mesos'])
    // Let the demo apps' initial deployments finish so the cluster is at rest.
    await t.advance(60_000, 1000)
  })

  it('service.changed carries the re-read row (status, health, instances, task counts): no tree refetch needed', async () => {
    const apps = (await (await cluster('/service/marathon/v2/apps')).json()) as { apps: Array<{ id: string; instances: number; labels?: Record<string, string> }> }
    const app = apps.apps.find((a) => a.instances >= 1 && !a.labels?.DCOS_PACKAGE_FRAMEWORK_NAME)!
    const target = app.instances + 2
    const mark = stream.deltas.length
    const callsBefore = t.calls.length
    const put = await cluster(`/service/marathon/v2/apps${app.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: target }) })
    expect(put.status, await put.clone().text()).toBe(200)
    await expect.poll(() => of(since(mark), 'service.changed').some((d) => d.serviceId === app.id && d.service?.instances === target), { timeout: 5000 }).toBe(true)
    for (let i = 0; i < 12; i++) await t.advance(5000, 1000)

    const rows = () => of(since(mark), 'service.changed').filter((d): d is ServiceDelta & { service: ServiceView } => d.serviceId === app.id && d.service !== undefined)
    await expect.poll(() => rows().at(-1)?.service.tasks.running, { timeout: 5000 }).toBe(target)
    const last = rows().at(-1)!.service
    expect(last.status).toBe('Running')
    // The delta's row is what the Services list shows for the app.
    const tree = await (await t.viewer.request('/api/services')).json()
    const flat: ServiceView[] = []
    const walk = (g: { services: ServiceView[]; groups: unknown[] }) => {
      flat.push(...g.services)
      for (const c of g.groups) walk(c as typeof g)
    }
    walk(tree.root)
    const row = flat.find((s) => s.id === app.id)!
    expect({ status: last.status, health: last.health, instances: last.instances, tasks: last.tasks, version: last.version }).toEqual({
      status: row.status,
      health: row.health,
      instances: row.instances,
      tasks: row.tasks,
      version: row.version,
    })
    // Bursts are coalesced: far fewer app re-reads than Marathon events, and never the whole tree.
    const hubCalls = t.calls.slice(callsBefore).filter((c) => c.startsWith('GET /service/marathon/v2/apps/'))
    expect(hubCalls.length).toBeGreaterThan(0)
    expect(hubCalls.length).toBeLessThan(of(since(mark), 'task.changed').length + 5)
    // /api/services above answered from the Marathon mirror the feed keeps: no tree read at all.
    expect(t.calls.slice(callsBefore).filter((c) => c === 'GET /service/marathon/v2/groups')).toHaveLength(0)
  })

  it('service.changed says removed, without a row, when the app is deleted', async () => {
    const create = await cluster('/service/marathon/v2/apps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: '/live/doomed', cmd: 'sleep 1000', cpus: 0.1, mem: 32, instances: 1 }) })
    expect(create.status).toBe(201)
    await t.advance(10_000, 1000)
    const mark = stream.deltas.length
    expect((await cluster('/service/marathon/v2/apps/live/doomed?force=true', { method: 'DELETE' })).status).toBe(200)
    await t.advance(10_000, 1000)
    await expect.poll(() => of(since(mark), 'service.changed').some((d) => d.serviceId === '/live/doomed' && d.reason === 'removed'), { timeout: 5000 }).toBe(true)
    const removed = of(since(mark), 'service.changed').filter((d) => d.serviceId === '/live/doomed' && d.reason === 'removed')
    expect(removed.every((d) => d.service === undefined)).toBe(true)
  })

  it('job.changed is derived from Metronome task events and carries the re-read job', async () => {
    const jobId = 'maintenance.cleanup-tmp'
    const mark = stream.deltas.length
    const callsBefore = t.calls.length
    const run = await cluster(`/service/metronome/v1/jobs/${jobId}/runs`, { method: 'POST' })
    expect(run.status).toBe(201)
    await t.advance(3000, 500)
    const jobDeltas = () => of(since(mark), 'job.changed').filter((d): d is JobDelta & { job: NonNullable<JobDelta['job']> } => d.jobId === jobId && d.job !== undefined)
    await expect.poll(() => jobDeltas().some((d) => d.job.status === 'Running' && d.job.activeRuns.length === 1), { timeout: 5000 }).toBe(true)
    const before = jobDeltas().at(-1)!.job.history.successCount + jobDeltas().at(-1)!.job.history.failureCount
    for (let i = 0; i < 8; i++) await t.advance(10_000, 1000)
    await expect.poll(() => jobDeltas().at(-1)?.job.activeRuns.length, { timeout: 5000 }).toBe(0)
    const last = jobDeltas().at(-1)!.job
    expect(last.history.successCount + last.history.failureCount, JSON.stringify(jobDeltas().map((d) => [d.job.activeRuns.length, d.job.history]))).toBe(before + 1)
    expect(last.lastRun).not.toBeNull()
    // Only that job was re-read: never the job list.
    const metronomeCalls = t.calls.slice(callsBefore).filter((c) => c.includes('/service/metronome/'))
    expect(metronomeCalls.length).toBeGreaterThan(0)
    expect(metronomeCalls.every((c) => c === `GET /service/metronome/v1/jobs/${jobId}`)).toBe(true)
    // Marathon tasks never produce job deltas.
    expect(of(since(mark), 'job.changed').every((d) => d.jobId === jobId)).toBe(true)
  })

  it('job.changed follows changes made through the BFF, including removal', async () => {
    const mark = stream.deltas.length
    const create = await t.operator.request('/api/jobs', { method: 'POST', json: { id: 'live.created', run: { cmd: 'true', cpus: 0.1, mem: 32, disk: 0 } } })
    expect(create.status, JSON.stringify(await create.clone().json())).toBe(201)
    await expect.poll(() => of(since(mark), 'job.changed').some((d) => d.jobId === 'live.created' && d.job?.id === 'live.created'), { timeout: 5000 }).toBe(true)
    expect((await t.operator.request('/api/jobs/live.created', { method: 'DELETE' })).status).toBe(200)
    await expect.poll(() => of(since(mark), 'job.changed').some((d) => d.jobId === 'live.created' && d.removed === true), { timeout: 5000 }).toBe(true)
  })

  it('dashboard.changed coalesces bursts of task/service/job deltas into few refresh hints', async () => {
    const all = stream.deltas
    const hints = of(all, 'dashboard.changed')
    const moving = all.filter((d) => ['task.changed', 'service.changed', 'deployment.changed', 'job.changed', 'nodes.changed', 'node.removed', 'plan.changed'].includes(d.type))
    expect(hints.length).toBeGreaterThan(0)
    expect(hints.length).toBeLessThan(moving.length / 2)
    const reasons = new Set(hints.flatMap((h) => h.reasons))
    for (const r of ['tasks', 'services', 'jobs']) expect(reasons).toContain(r)
    // Every burst is followed by a hint: the last moving delta precedes the last hint.
    const lastMoving = stream.events.findLastIndex((e) => moving.includes(e.delta))
    await expect.poll(() => stream.events.findLastIndex((e) => e.delta.type === 'dashboard.changed'), { timeout: 2000 }).toBeGreaterThan(lastMoving)
  })

  it('task.changed deltas come from Mesos for Marathon and Metronome tasks alike', () => {
    expect(of(stream.deltas, 'upstream.status'), JSON.stringify(stream.events.filter((e) => e.delta.type === 'upstream.status' || e.delta.type === 'resync'))).toHaveLength(2)
    const tasks = of(stream.deltas, 'task.changed')
    expect(tasks.some((d) => d.task.id.startsWith('maintenance_cleanup-tmp_'))).toBe(true)
    expect(tasks.some((d) => d.task.state === 'TASK_RUNNING')).toBe(true)
  })
})
