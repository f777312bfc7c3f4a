/**
 * Cassandra, HDFS and hello-world end to end over real HTTP: Cosmos installs the package with
 * default options, Marathon runs its scheduler, the SDK emulation deploys every pod with
 * reservations and persistent volumes on agents, and uninstall releases all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { clusterClient, type V0Slave } from './sdk-http-test-client.ts'

let served: ServedCluster
const http = clusterClient(() => served)

beforeAll(async () => {
  served = await serveCluster({ agents: 12, empty: true })
})
afterAll(async () => {
  await served.close()
})

const reservedFor = (slaves: V0Slave[], role: string): V0Slave[] => slaves.filter((s) => s.reserved_resources[role] !== undefined)
const usedCpus = (slaves: V0Slave[]): number => slaves.reduce((s, a) => s + a.used_resources.cpus, 0)

async function installAndDeploy(pkg: string): Promise<void> {
  const r = await http.install(pkg)
  expect(r.status).toBe(200)
  expect(r.json.appId).toBe(`/${pkg}`)
  await http.advanceUntil(async () => (await http.plan(pkg, 'deploy')).status === 200, 240_000)
}

async function uninstallAndCheckFreed(pkg: string, before: { cpus: number }): Promise<void> {
  const r = await http.uninstall(pkg)
  expect(r.status).toBe(200)
  await http.advanceUntil(async () => (await http.getJson(`/service/marathon/v2/apps/${pkg}`)).status === 404, 120_000)
  await http.advance(5000)
  const slaves = await http.slaves()
  expect(reservedFor(slaves, `${pkg}-role`)).toEqual([])
  expect(usedCpus(slaves)).toBeCloseTo(before.cpus, 5)
  expect(await http.framework(pkg)).toBeUndefined()
  const list = await http.cosmos('/package/list', 'application/vnd.dcos.package.list-request+json;charset=utf-8;version=v1', 'application/vnd.dcos.package.list-response+json;charset=utf-8;version=v1', {})
  expect(list.json.packages).toEqual([])
  expect(await http.plan(pkg, 'deploy')).toMatchObject({ status: 404 })
}

describe('Cassandra', () => {
  it('deploys node-0..2 serially, seeds first, with reserved volumes, then uninstalls cleanly', async () => {
    const before = { cpus: usedCpus(await http.slaves()) }
    const r = await http.install('cassandra')
    expect(r.status).toBe(200)
    // Serial node-deploy: the seeds (node-0, node-1) come up before node-2 is even launched.
    const order: string[] = []
    await http.advanceUntil(async () => {
      for (const t of await http.runningTasks('cassandra')) if (!order.includes(t.name)) order.push(t.name)
      return (await http.plan('cassandra', 'deploy')).status === 200
    }, 240_000)
    expect(order).toEqual(['node-0-server', 'node-1-server', 'node-2-server', 'node-0-init_system_keyspaces'].filter((n) => order.includes(n)))
    expect(order.slice(0, 3)).toEqual(['node-0-server', 'node-1-server', 'node-2-server'])
    const plan = (await http.plan('cassandra', 'deploy')).body
    expect(plan.phases.map((p) => [p.name, p.strategy, p.steps.map((s) => s.name)])).toEqual([
      ['node-deploy', 'serial', ['node-0:[server]', 'node-1:[server]', 'node-2:[server]']],
      ['keyspace-deploy', 'serial', ['node-0:[init_system_keyspaces]', 'node-1:[]', 'node-2:[]']],
    ])
    const servers = (await http.runningTasks('cassandra')).filter((t) => t.name.endsWith('-server'))
    expect(servers.map((t) => t.name).sort()).toEqual(['node-0-server', 'node-1-server', 'node-2-server'])
    expect(new Set(servers.map((t) => t.slave_id)).size).toBe(3)
    // The ONCE task ran to completion on node-0 (pod status shows it FINISHED beside the server).
    const node0 = await http.getJson<{ tasks: Array<{ name: string; status: string }> }>('/service/cassandra/v1/pod/node-0/status')
    expect(node0.body.tasks).toEqual([
      expect.objectContaining({ name: 'node-0-server', status: 'RUNNING' }),
      expect.objectContaining({ name: 'node-0-init_system_keyspaces', status: 'FINISHED' }),
    ])
    // Reservations with persistent volumes on exactly the three agents.
    const slaves = await http.slaves()
    const held = reservedFor(slaves, 'cassandra-role')
    expect(held.map((s) => s.id).sort()).toEqual([...new Set(servers.map((t) => t.slave_id))].sort())
    for (const s of held) {
      expect(s.reserved_resources['cassandra-role']!.disk).toBe(10240)
      expect(s.reserved_resources_full['cassandra-role']!.some((x) => x.name === 'disk' && x.disk?.persistence?.id)).toBe(true)
    }
    // Seeds: the running first LOCAL_SEEDS_COUNT (2) nodes' IPs (SeedsResource).
    const seeds = await http.getJson<{ seeds: string[] }>('/service/cassandra/v1/seeds')
    expect(seeds.status).toBe(200)
    const ipOf = new Map(slaves.map((s) => [s.id, (s as unknown as { hostname: string }).hostname]))
    const seedAgents = ['node-0-server', 'node-1-server'].map((n) => ipOf.get(servers.find((t) => t.name === n)!.slave_id))
    expect(seeds.body.seeds).toEqual(seedAgents)
    await uninstallAndCheckFreed('cassandra', before)
  })
})

describe('HDFS (demo package)', () => {
  it('deploys journal, name and data pods phase by phase and uninstalls cleanly', async () => {
    const before = { cpus: usedCpus(await http.slaves()) }
    await installAndDeploy('hdfs')
    const plan = (await http.plan('hdfs', 'deploy')).body
    expect(plan.phases.map((p) => p.name)).toEqual(['journal', 'name', 'data'])
    expect(plan.phases[0]!.steps.map((s) => s.name)).toEqual(['journal-0:[node]', 'journal-1:[node]', 'journal-2:[node]'])
    const tasks = await http.runningTasks('hdfs')
    expect(tasks.map((t) => t.name).sort()).toEqual(['data-0-node', 'data-1-node', 'data-2-node', 'journal-0-node', 'journal-1-node', 'journal-2-node', 'name-0-node', 'name-1-node'])
    for (const type of ['journal', 'name', 'data']) {
      const agents = tasks.filter((t) => t.name.startsWith(`${type}-`)).map((t) => t.slave_id)
      expect(new Set(agents).size).toBe(agents.length)
    }
    expect(reservedFor(await http.slaves(), 'hdfs-role').length).toBeGreaterThanOrEqual(3)
    await uninstallAndCheckFreed('hdfs', before)
  })
})

describe('hello-world', () => {
  it('deploys hello-0 then world-0..1 and uninstalls cleanly', async () => {
    const before = { cpus: usedCpus(await http.slaves()) }
    await installAndDeploy('hello-world')
    const plan = (await http.plan('hello-world', 'deploy')).body
    expect(plan.phases.map((p) => [p.name, p.steps.map((s) => s.name)])).toEqual([
      ['hello', ['hello-0:[server]']],
      ['world', ['world-0:[server]', 'world-1:[server]']],
    ])
    const tasks = await http.runningTasks('hello-world')
    expect(tasks.map((t) => t.name).sort()).toEqual(['hello-0-server', 'world-0-server', 'world-1-server'])
    expect(reservedFor(await http.slaves(), 'hello-world-role').length).toBeGreaterThan(0)
    const pods = await http.getJson<{ service: string; pods: Array<{ name: string }> }>('/service/hello-world/v1/pod/status')
    expect(pods.body.pods.map((p) => p.name)).toEqual(['hello', 'world'])
    await uninstallAndCheckFreed('hello-world', before)
  })
})
