/**
 * Full stack over real HTTP: Cosmos installs Kafka into Marathon, Marathon runs the scheduler,
 * the SDK emulation deploys brokers, recovers them and is torn down by Cosmos's uninstall.
 *
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'

const T = (kind: string, v = 'v1'): string => `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${v}`


let served: ServedCluster
const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
}
/** Advances the virtual clock in 1 s ticks, letting in-process HTTP (fetch → app.request) settle. */
const advance = async (ms: number): Promise<void> => {
  for (let t = 0; t < ms; t += 1000) {
    served.cluster.clock.advance(1000)
    await flush()
  }
}
const rpc = async (path: string, kind: string, body: unknown, accept = T(`${kind}-response`)) => {
  const res = await fetch(`${served.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': T(`${kind}-request`), Accept: accept }, body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
const plan = async (name: string) => {
  const res = await fetch(`${served.baseUrl}/service/kafka/v1/plans/${name}`)
  return { status: res.status, body: res.status === 404 ? undefined : ((await res.json()) as { status: string }) }
}

describe('Kafka through Cosmos, Marathon and the SDK scheduler', () => {
  beforeAll(async () => {
    served = await serveCluster({ agents: 8, empty: true })
  })
  afterAll(async () => {
    await served.close()
  })

  it('rejects invalid options with JsonSchemaMismatch and installs nothing', async () => {
    const r = await rpc('/package/install', 'install', { packageName: 'kafka', options: { brokers: { count: 'three' } } }, T('install-response', 'v2'))
    expect(r.status).toBe(400)
    expect(r.json.type).toBe('JsonSchemaMismatch')
    const apps = (await (await fetch(`${served.baseUrl}/service/marathon/v2/apps`)).json()) as { apps: unknown[] }
    expect(apps.apps).toEqual([])
  })

  it('installs Kafka, deploys three brokers on distinct agents and lists the package', async () => {
    const r = await rpc('/package/install', 'install', { packageName: 'kafka' }, T('install-response', 'v2'))
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ packageName: 'kafka', packageVersion: '2.10.0-2.4.0', appId: '/kafka' })
    const again = await rpc('/package/install', 'install', { packageName: 'kafka' }, T('install-response', 'v2'))
    expect(again.status).toBe(409)
    expect(again.json.type).toBe('PackageAlreadyInstalled')
    await advance(10_000)
    expect((await plan('deploy')).status).toBe(202)
    await advance(60_000)
    const done = await plan('deploy')
    expect(done.status).toBe(200)
    expect(done.body!.status).toBe('COMPLETE')
    const state = (await (await fetch(`${served.baseUrl}/mesos/master/state`)).json()) as {
      frameworks: Array<{ name: string; tasks: Array<{ state: string; slave_id: string }> }>
    }
    const fw = state.frameworks.find((f) => f.name === 'kafka')!
    const brokers = fw.tasks.filter((t) => t.state === 'TASK_RUNNING')
    expect(brokers).toHaveLength(3)
    expect(new Set(brokers.map((t) => t.slave_id)).size).toBe(3)
    const list = await rpc('/package/list', 'list', {})
    expect((list.json.packages as Array<{ appId: string }>).map((p) => p.appId)).toEqual(['/kafka'])
  })

  it('recovers a killed broker in place', async () => {
    const { master } = served.cluster
    const fw = [...master.frameworks.values()].find((f) => f.name === 'kafka')!
    const victim = master.tasks.get([...fw.taskIds].sort()[0]!)!
    master.killTask(victim.id)
    await advance(2000)
    expect((await plan('recovery')).status).toBe(202)
    await advance(30_000)
    expect((await plan('recovery')).status).toBe(200)
    const replacement = [...fw.taskIds].map((id) => master.tasks.get(id)!).find((t) => t.name === victim.name)!
    expect(replacement.id).not.toBe(victim.id)
    expect(replacement.agentId).toBe(victim.agentId)
    expect(replacement.reservationId).toBe(victim.reservationId)
  })

  it('replaces a pod when its agent is removed', async () => {
    const { master } = served.cluster
    const fw = [...master.frameworks.values()].find((f) => f.name === 'kafka')!
    const victim = master.tasks.get([...fw.taskIds].sort()[1]!)!
    master.removeAgent(victim.agentId)
    await advance(40_000)
    expect((await plan('recovery')).status).toBe(200)
    const replacement = [...fw.taskIds].map((id) => master.tasks.get(id)!).find((t) => t.name === victim.name)!
    expect(replacement.state).toBe('TASK_RUNNING')
    expect(replacement.agentId).not.toBe(victim.agentId)
  })

  it('uninstall tears the service down and frees its reservations', async () => {
    const r = await rpc('/package/uninstall', 'uninstall', { packageName: 'kafka' })
    expect(r.status).toBe(200)
    expect(r.json.results).toMatchObject([{ packageName: 'kafka', appId: '/kafka' }])
    await advance(120_000)
    const { master } = served.cluster
    expect([...master.frameworks.values()].some((f) => f.name === 'kafka')).toBe(false)
    for (const a of master.agents.values()) expect([...a.reservations.values()].filter((x) => x.role === 'kafka-role')).toEqual([])
    const list = await rpc('/package/list', 'list', {})
    expect(list.json.packages).toEqual([])
    const gone = await rpc('/package/uninstall', 'uninstall', { packageName: 'kafka' })
    expect(gone.json.type).toBe('PackageNotInstalled')
  })
})
