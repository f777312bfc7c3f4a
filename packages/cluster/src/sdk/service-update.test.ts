/**
 * `cosmos/service/describe` and `cosmos/service/update` end to end over real HTTP: the update
 * re-renders the package with merged options, PUTs the Marathon app (new env and
 * DCOS_PACKAGE_OPTIONS), Marathon restarts the scheduler, and the scheduler's new target
 * configuration runs as the `deploy` plan — a scale-out adds a step, a resource change rolls
 * the brokers one at a time. Bad requests answer Cosmos's errors and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { clusterClient, svcType } from './sdk-http-test-client.ts'

let served: ServedCluster
const http = clusterClient(() => served)

const describeService = (appId: string) => http.cosmos('/cosmos/service/describe', svcType('describe-request'), svcType('describe-response'), { appId })
const update = (body: Record<string, unknown>) => http.cosmos('/cosmos/service/update', svcType('update-request'), svcType('update-response'), body)

interface MarathonAppJson {
  app: { version: string; env: Record<string, string>; labels: Record<string, string> }
}
const marathonApp = async (): Promise<MarathonAppJson['app']> => (await http.getJson<MarathonAppJson>('/service/marathon/v2/apps/kafka')).body.app
const brokers = async () => (await http.runningTasks('kafka')).filter((t) => t.name.endsWith('-broker'))
const brokerCpus = async (): Promise<number[]> => {
  const tasks = (await http.getJson<{ tasks: Array<{ name: string; state: string; resources: { cpus: number } }> }>('/mesos/master/tasks?limit=1000')).body.tasks
  return tasks.filter((t) => t.name.endsWith('-broker') && t.state === 'TASK_RUNNING').map((t) => t.resources.cpus)
}

beforeAll(async () => {
  served = await serveCluster({ agents: 8, empty: true })
  expect((await http.install('kafka')).status).toBe(200)
  await http.advanceUntil(async () => (await http.plan('kafka', 'deploy')).status === 200, 120_000)
})
afterAll(async () => {
  await served.close()
})

describe('cosmos/service/describe', () => {
  it('returns the installed package with resolved and user options', async () => {
    const r = await describeService('/kafka')
    expect(r.status).toBe(200)
    expect(r.type).toBe(svcType('describe-response'))
    expect((r.json.package as { name: string; version: string }).name).toBe('kafka')
    expect(r.json.userProvidedOptions).toEqual({})
    expect((r.json.resolvedOptions as { brokers: { count: number } }).brokers.count).toBe(3)
    expect(r.json.upgradesTo).toEqual([])
    const nf = await describeService('/nope')
    expect(nf.status).toBe(400)
    expect(nf.json).toEqual({ type: 'MarathonAppNotFound', message: "Unable to locate service with marathon appId: '/nope'", data: { appId: '/nope' } })
  })
})

describe('cosmos/service/update', () => {
  it('rejects unknown apps, invalid options and wrong media types without changing the app', async () => {
    const before = await marathonApp()
    const nf = await update({ appId: '/nope', options: { brokers: { count: 4 } }, replace: false })
    expect(nf.status).toBe(400)
    expect(nf.json.type).toBe('MarathonAppNotFound')
    const bad = await update({ appId: '/kafka', options: { brokers: { count: 'four' } }, replace: false })
    expect(bad.status).toBe(400)
    expect(bad.type).toBe('application/vnd.dcos.package.error+json;charset=utf-8;version=v1')
    expect(bad.json.type).toBe('JsonSchemaMismatch')
    const wrongType = await http.cosmos('/cosmos/service/update', 'application/json', svcType('update-response'), { appId: '/kafka', replace: false })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json.type).toBe('not_valid')
    await http.advance(5000)
    const after = await marathonApp()
    expect(after.version).toBe(before.version)
    expect(after.env.BROKER_COUNT).toBe('3')
    expect((await http.plan('kafka', 'deploy')).status).toBe(200)
  })

  it('scales brokers.count 3 → 4: the scheduler restarts and the deploy plan adds kafka-3', async () => {
    const ids = new Map((await brokers()).map((t) => [t.name, t.id]))
    const r = await update({ appId: '/kafka', options: { brokers: { count: 4 } }, replace: false })
    expect(r.status).toBe(200)
    expect(r.type).toBe(svcType('update-response'))
    expect((r.json.resolvedOptions as { brokers: { count: number } }).brokers.count).toBe(4)
    expect(r.json.marathonDeploymentId).toMatch(/^[0-9a-f-]{36}$/)
    const app = await marathonApp()
    expect(app.env.BROKER_COUNT).toBe('4')
    expect(JSON.parse(Buffer.from(app.labels.DCOS_PACKAGE_OPTIONS!, 'base64').toString())).toEqual({ brokers: { count: 4 } })
    await http.advanceUntil(async () => (await http.plan('kafka', 'deploy')).body.phases[0]?.steps.length === 4, 30_000)
    await http.advanceUntil(async () => (await http.plan('kafka', 'deploy')).status === 200, 60_000)
    const plan = (await http.plan('kafka', 'deploy')).body
    expect(plan.phases[0]!.steps.map((s) => [s.name, s.status])).toEqual([
      ['kafka-0:[broker]', 'COMPLETE'],
      ['kafka-1:[broker]', 'COMPLETE'],
      ['kafka-2:[broker]', 'COMPLETE'],
      ['kafka-3:[broker]', 'COMPLETE'],
    ])
    const now = await brokers()
    expect(now).toHaveLength(4)
    expect(new Set(now.map((t) => t.slave_id)).size).toBe(4)
    // Existing brokers' pod spec did not change: they were not restarted.
    for (const [name, id] of ids) expect(now.find((t) => t.name === name)!.id).toBe(id)
    expect((await http.getJson<string[]>('/service/kafka/v1/configurations')).body.length).toBeGreaterThanOrEqual(2)
  })

  it('rolls a resource change through the brokers one at a time', async () => {
    const r = await update({ appId: '/kafka', options: { brokers: { cpus: 1.5 } }, replace: false })
    expect(r.status).toBe(200)
    // replace=false merges over the stored options: the count stays 4.
    expect((r.json.resolvedOptions as { brokers: { count: number; cpus: number } }).brokers).toMatchObject({ count: 4, cpus: 1.5 })
    let maxDown = 0
    const seen: string[] = []
    await http.advanceUntil(async () => {
      const plan = await http.plan('kafka', 'deploy')
      const steps = plan.body.phases[0]?.steps ?? []
      const active = steps.filter((s) => s.status !== 'COMPLETE' && s.status !== 'PENDING').map((s) => s.name)
      if (active.length === 1 && seen.at(-1) !== active[0]) seen.push(active[0]!)
      maxDown = Math.max(maxDown, 4 - (await brokers()).length, active.length)
      return plan.status === 200 && (await brokerCpus()).filter((c) => c === 1.5).length === 4
    }, 150_000)
    expect(maxDown).toBe(1)
    expect(seen).toEqual(['kafka-0:[broker]', 'kafka-1:[broker]', 'kafka-2:[broker]', 'kafka-3:[broker]'])
    const d = await describeService('/kafka')
    expect(d.json.userProvidedOptions).toEqual({ brokers: { count: 4, cpus: 1.5 } })
  })
})
