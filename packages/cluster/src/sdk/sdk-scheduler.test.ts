/**
 * The Kafka SDK scheduler emulation driven on a manual clock against the in-process master,
 * through its HTTP routes: deploy plan progression, distinct agents, recovery in place,
 * replacement after agent loss, plan operations and uninstall teardown.
 */
import { describe, expect, it } from 'vitest'
import { SimClock } from '../sim/clock.ts'
import { SeededRandom } from '../sim/random.ts'
import { MesosMaster } from '../mesos/state/master.ts'
import { seedAgents } from '../mesos/state/topology.ts'
import { SdkScheduler } from './sdk-scheduler.ts'
import { sdkRoutes } from './sdk-routes.ts'
import { serviceSpecFromEnv } from './service-spec.ts'

function setup(env: Record<string, string> = {}) {
  const clock = new SimClock({ mode: 'manual', start: Date.UTC(2026, 0, 1) })
  const random = new SeededRandom(7)
  const master = new MesosMaster(clock, random)
  seedAgents(master, random, 8)
  const spec = serviceSpecFromEnv('kafka', 'kafka', { FRAMEWORK_NAME: 'kafka', BROKER_COUNT: '3', BROKER_CPUS: '1', BROKER_MEM: '2048', BROKER_DISK_SIZE: '5000', ...env })
  const sched = new SdkScheduler(master, clock, random, spec)
  sched.start()
  const api = sdkRoutes(sched, master)
  const get = async (path: string) => {
    const res = await api.request(path)
    const t = await res.text()
    return { status: res.status, body: t.startsWith('{') || t.startsWith('[') ? JSON.parse(t) : t }
  }
  return { clock, master, sched, api, get }
}

type PlanJson = { status: string; phases: Array<{ name: string; status: string; steps: Array<{ name: string; status: string }> }> }

describe('Kafka SDK scheduler', () => {
  it('deploys brokers serially on distinct agents, 202 until COMPLETE then 200', async () => {
    const { clock, master, sched, get } = setup()
    const fw = master.frameworks.get(sched.frameworkId)!
    expect(fw.name).toBe('kafka')
    expect(fw.roles).toEqual(['kafka-role'])
    let plan = await get('/v1/plans/deploy')
    expect(plan.status).toBe(202)
    expect((plan.body as PlanJson).status).toBe('PENDING')
    expect((plan.body as PlanJson).phases[0]!.steps.map((s) => s.name)).toEqual(['kafka-0:[broker]', 'kafka-1:[broker]', 'kafka-2:[broker]'])
    clock.advance(1000)
    plan = await get('/v1/plans/deploy')
    const steps = (plan.body as PlanJson).phases[0]!.steps.map((s) => s.status)
    expect(steps).toEqual(['STARTING', 'PENDING', 'PENDING'])
    expect((plan.body as PlanJson).status).toBe('STARTING')
    clock.advance(60_000)
    plan = await get('/v1/plans/deploy')
    expect(plan.status).toBe(200)
    expect((plan.body as PlanJson).status).toBe('COMPLETE')
    const tasks = [...fw.taskIds].map((id) => master.tasks.get(id)!)
    expect(tasks).toHaveLength(3)
    expect(tasks.every((t) => t.state === 'TASK_RUNNING' && t.reservationId !== undefined)).toBe(true)
    expect(new Set(tasks.map((t) => t.agentId)).size).toBe(3)
    const ep = await get('/v1/endpoints/broker')
    expect((ep.body as { address: string[] }).address).toHaveLength(3)
    expect((ep.body as { vip: string }).vip).toBe('broker.kafka.l4lb.thisdcos.directory:9092')
    expect((await get('/v1/endpoints/zookeeper')).body).toBe('master.mesos:2181/dcos-service-kafka')
    expect((await get('/v1/pod')).body).toEqual(['kafka-0', 'kafka-1', 'kafka-2'])
    expect(((await get('/v1/pod/kafka-1/status')).body as { tasks: Array<{ status: string }> }).tasks[0]!.status).toBe('RUNNING')
    expect(await get('/v1/pod/kafka-9/status')).toEqual({ status: 404, body: 'Pod kafka-9 not found' })
    expect(await get('/v1/plans/nope')).toEqual({ status: 404, body: 'Plan nope not found' })
    expect((await get('/v1/state/frameworkId')).body).toEqual([sched.frameworkId])
    expect((await get('/v1/configurations/targetId')).body).toEqual([sched.targetId])
  })

  it('recovers a killed broker in place on the same reservation', async () => {
    const { clock, master, sched, get } = setup()
    clock.advance(60_000)
    const pod = sched.pods.get('kafka-1')!
    const oldTask = pod.taskIds.get('broker')!
    const { agentId, reservationId } = pod
    master.setTaskState(oldTask, 'TASK_FAILED', { source: 'SOURCE_EXECUTOR', reason: 'REASON_COMMAND_EXECUTOR_FAILED' })
    let rec = await get('/v1/plans/recovery')
    expect(rec.status).toBe(202)
    expect((rec.body as PlanJson).phases.map((p) => p.name)).toEqual(['kafka-1:[broker]'])
    clock.advance(30_000)
    rec = await get('/v1/plans/recovery')
    expect(rec.status).toBe(200)
    const newTask = master.tasks.get(pod.taskIds.get('broker')!)!
    expect(newTask.id).not.toBe(oldTask)
    expect(newTask.state).toBe('TASK_RUNNING')
    expect(newTask.agentId).toBe(agentId)
    expect(newTask.reservationId).toBe(reservationId)
  })

  it('replaces a pod on another agent when its agent is removed', async () => {
    const { clock, master, sched, get } = setup()
    clock.advance(60_000)
    const pod = sched.pods.get('kafka-0')!
    const lost = pod.agentId!
    master.removeAgent(lost)
    clock.advance(30_000)
    expect((await get('/v1/plans/recovery')).status).toBe(200)
    const task = master.tasks.get(pod.taskIds.get('broker')!)!
    expect(task.state).toBe('TASK_RUNNING')
    expect(task.agentId).not.toBe(lost)
    const others = ['kafka-1', 'kafka-2'].map((n) => sched.pods.get(n)!.agentId)
    expect(others).not.toContain(task.agentId)
  })

  it('rolls an update pod by pod, adds steps for a larger count and refuses to shrink', async () => {
    const { clock, sched, get } = setup()
    clock.advance(60_000)
    sched.setTarget(serviceSpecFromEnv('kafka', 'kafka', { BROKER_COUNT: '4', BROKER_CPUS: '1.5', BROKER_MEM: '2048' }))
    let plan = (await get('/v1/plans/deploy')).body as PlanJson
    expect(plan.phases[0]!.steps.map((s) => s.name)).toHaveLength(4)
    clock.advance(1000)
    plan = (await get('/v1/plans/deploy')).body as PlanJson
    expect(plan.phases[0]!.steps.map((s) => s.status)).toEqual(['PREPARED', 'PENDING', 'PENDING', 'PENDING'])
    clock.advance(90_000)
    expect((await get('/v1/plans/deploy')).status).toBe(200)
    expect([...sched.pods.values()].every((p) => sched.task(p, 'broker')?.resources.cpus === 1.5)).toBe(true)
    sched.setTarget(serviceSpecFromEnv('kafka', 'kafka', { BROKER_COUNT: '2', BROKER_CPUS: '1.5', BROKER_MEM: '2048' }))
    const shrink = await get('/v1/plans/deploy')
    expect(shrink.status).toBe(417)
    expect((shrink.body as { errors: string[] }).errors[0]).toContain('cannot be decreased')
  })

  it('supports interrupt/continue/forceComplete with the SDK answers', async () => {
    const { clock, api, get } = setup()
    const post = async (p: string) => {
      const r = await api.request(p, { method: 'POST' })
      return { status: r.status, text: await r.text() }
    }
    expect((await post('/v1/plans/deploy/interrupt')).status).toBe(200)
    expect((await post('/v1/plans/deploy/interrupt')).status).toBe(208)
    clock.advance(5000)
    expect(((await get('/v1/plans/deploy')).body as PlanJson).status).toBe('WAITING')
    expect((await post('/v1/plans/deploy/continue')).status).toBe(200)
    expect((await post('/v1/plans/deploy/forceComplete?step=kafka-0:[broker]')).text).toBe('Missing phase')
    const fc = await post('/v1/plans/deploy/forceComplete?phase=broker&step=kafka-2:[broker]')
    expect(fc.status).toBe(200)
    expect(JSON.parse(fc.text).message).toBe('Received cmd: forceComplete for Plan: deploy, Phase: broker, Step: kafka-2:[broker]')
  })

  it('uninstall plan kills tasks, releases reservations and removes the framework', async () => {
    const { clock, master, sched, get } = setup()
    clock.advance(60_000)
    sched.setTarget(serviceSpecFromEnv('kafka', 'kafka', { BROKER_COUNT: '3', SDK_UNINSTALL: 'true' }))
    const plan = (await get('/v1/plans/deploy')).body as PlanJson
    expect(plan.phases[0]!.name).toBe('kill-tasks')
    expect(plan.phases.at(-1)!.name).toBe('deregister-service')
    expect((await get('/v1/plans')).body).toEqual(['deploy'])
    clock.advance(30_000)
    expect((await get('/v1/plans/deploy')).status).toBe(200)
    expect(master.frameworks.has(sched.frameworkId)).toBe(false)
    for (const a of master.agents.values()) expect([...a.reservations.values()].filter((r) => r.role === 'kafka-role')).toEqual([])
  })
})
