/**
 * Kafka recovery driven through the demo-control fault API over real HTTP: a failed broker is
 * relaunched in place on its reservation, a killed agent's pod is replaced elsewhere, a
 * partitioned agent's pod waits (UNREACHABLE is not a failure) and comes back when healed, and
 * the scheduler itself fails over through Marathon and rebuilds its view from the master.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { clusterClient, type V0Slave, type V0Task } from './sdk-http-test-client.ts'

let served: ServedCluster
const http = clusterClient(() => served)

beforeAll(async () => {
  served = await serveCluster({ agents: 8, empty: true })
  const r = await http.install('kafka')
  expect(r.status).toBe(200)
  await http.advanceUntil(async () => (await http.plan('kafka', 'deploy')).status === 200, 120_000)
})
afterAll(async () => {
  await served.close()
})

const broker = async (pod: string): Promise<V0Task> => {
  const fw = (await http.framework('kafka'))!
  return [...fw.tasks, ...(fw.unreachable_tasks ?? [])].find((t) => t.name === `${pod}-broker`)!
}
const persistenceIds = (slave: V0Slave | undefined): string[] =>
  (slave?.reserved_resources_full['kafka-role'] ?? []).flatMap((r) => (r.disk?.persistence?.id ? [r.disk.persistence.id] : []))
const slave = async (id: string): Promise<V0Slave | undefined> => (await http.slaves()).find((s) => s.id === id)

async function expectHealthy(): Promise<void> {
  const running = (await http.runningTasks('kafka')).filter((t) => t.name.endsWith('-broker'))
  expect(running.map((t) => t.name).sort()).toEqual(['kafka-0-broker', 'kafka-1-broker', 'kafka-2-broker'])
  expect(new Set(running.map((t) => t.slave_id)).size).toBe(3)
  expect((await fetch(http.url('/service/kafka/v1/health'))).status).toBe(200)
}

describe('Kafka recovery through the demo-control API', () => {
  it('relaunches a failed broker in place on the same reservation and volume', async () => {
    const victim = await broker('kafka-1')
    const volumesBefore = persistenceIds(await slave(victim.slave_id))
    expect(volumesBefore).toHaveLength(1)
    const r = await http.demo(`/tasks/${victim.id}/fail`)
    expect(r.status).toBe(200)
    const rec = await http.plan('kafka', 'recovery')
    expect(rec.status).toBe(202)
    expect(rec.body.phases.map((p) => [p.name, p.strategy, p.steps.map((s) => s.name)])).toEqual([['kafka-1:[broker]', 'parallel', ['kafka-1:[broker]']]])
    await http.advanceUntil(async () => (await http.plan('kafka', 'recovery')).status === 200, 60_000)
    const after = await broker('kafka-1')
    expect(after.id).not.toBe(victim.id)
    expect(after.state).toBe('TASK_RUNNING')
    expect(after.slave_id).toBe(victim.slave_id)
    expect(persistenceIds(await slave(victim.slave_id))).toEqual(volumesBefore)
    expect((await http.plan('kafka', 'recovery')).body.phases[0]!.status).toBe('COMPLETE')
    await expectHealthy()
  })

  it('answers the fault API errors without touching state', async () => {
    expect((await http.demo('/tasks/nope/fail')).status).toBe(404)
    expect((await http.demo('/agents/nope/kill')).status).toBe(404)
    const t = await broker('kafka-0')
    const heal = await http.demo(`/agents/${t.slave_id}/heal`)
    expect(heal.status).toBe(409)
    expect((await http.plan('kafka', 'recovery')).body.phases).toHaveLength(1)
  })

  it('keeps a partitioned pod in place (no replace) and sees it RUNNING again when healed', async () => {
    const victim = await broker('kafka-2')
    expect((await http.demo(`/agents/${victim.slave_id}/partition`)).status).toBe(200)
    await http.advance(1000)
    expect((await broker('kafka-2')).state).toBe('TASK_UNREACHABLE')
    await http.advance(120_000)
    const rec = await http.plan('kafka', 'recovery')
    expect(rec.body.phases.map((p) => p.name)).toEqual(['kafka-1:[broker]'])
    const still = await broker('kafka-2')
    expect(still.id).toBe(victim.id)
    expect(still.state).toBe('TASK_UNREACHABLE')
    expect((await http.demo(`/agents/${victim.slave_id}/heal`)).status).toBe(200)
    await http.advance(2000)
    const back = await broker('kafka-2')
    expect(back.id).toBe(victim.id)
    expect(back.state).toBe('TASK_RUNNING')
    await expectHealthy()
  })

  it('replaces the pod on another agent with a new reservation when its agent is killed', async () => {
    const victim = await broker('kafka-0')
    const oldVolumes = persistenceIds(await slave(victim.slave_id))
    expect((await http.demo(`/agents/${victim.slave_id}/kill`)).status).toBe(200)
    await http.advance(1000)
    const rec = await http.plan('kafka', 'recovery')
    expect(rec.body.phases.at(-1)!.name).toBe('kafka-0:[broker]')
    await http.advanceUntil(async () => (await http.plan('kafka', 'recovery')).status === 200, 60_000)
    const replaced = await broker('kafka-0')
    expect(replaced.slave_id).not.toBe(victim.slave_id)
    const newVolumes = persistenceIds(await slave(replaced.slave_id))
    expect(newVolumes).toHaveLength(1)
    expect(newVolumes).not.toEqual(oldVolumes)
    await expectHealthy()
  })

  it('fails the scheduler over through Marathon; it rebuilds from the master instead of redeploying', async () => {
    const frameworkId = (await http.getJson<string[]>('/service/kafka/v1/state/frameworkId')).body[0]
    const schedTasks = await http.getJson<{ tasks: Array<{ id: string; slaveId: string }> }>('/service/marathon/v2/apps/kafka/tasks')
    const schedAgent = schedTasks.body.tasks[0]!.slaveId
    const before = new Map(((await http.framework('kafka'))!.tasks.filter((t) => t.state === 'TASK_RUNNING')).map((t) => [t.name, t]))
    expect((await http.demo(`/agents/${schedAgent}/kill`)).status).toBe(200)
    await http.flush()
    // While the scheduler is down a broker on a surviving agent fails: nobody hears the update.
    const survivor = [...before.values()].find((t) => t.slave_id !== schedAgent)!
    expect((await http.demo(`/tasks/${survivor.id}/fail`)).status).toBe(200)
    const podName = survivor.name.replace(/-broker$/, '')
    const heard = (await http.plan('kafka', 'recovery')).body.phases.filter((p) => p.name === `${podName}:[broker]` && p.status !== 'COMPLETE')
    expect(heard).toEqual([])
    await http.advanceUntil(async () => {
      const t = await http.getJson<{ tasks: Array<{ state: string; slaveId: string }> }>('/service/marathon/v2/apps/kafka/tasks')
      return t.body.tasks.some((x) => x.state === 'TASK_RUNNING' && x.slaveId !== schedAgent)
    }, 60_000)
    await http.advanceUntil(async () => (await http.plan('kafka', 'recovery')).status === 200 && (await http.runningTasks('kafka')).length === 3, 90_000)
    // Same framework (re-registered with its stored id), deploy plan untouched, and the brokers
    // that never failed keep their Mesos task ids.
    expect((await http.getJson<string[]>('/service/kafka/v1/state/frameworkId')).body).toEqual([frameworkId])
    expect((await http.plan('kafka', 'deploy')).status).toBe(200)
    const after = new Map((await http.runningTasks('kafka')).map((t) => [t.name, t]))
    for (const [name, t] of before) if (t.id !== survivor.id && t.slave_id !== schedAgent) expect(after.get(name)!.id).toBe(t.id)
    expect(after.get(survivor.name)!.id).not.toBe(survivor.id)
    expect(after.get(survivor.name)!.slave_id).toBe(survivor.slave_id)
    await expectHealthy()
  })
})
