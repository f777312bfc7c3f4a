/**
 * The real client library `marathon-node` (CommonJS, `request` + `eventsource` 1.x) against
 * the embedded Marathon: if it works here, it would work against a real Marathon.
 */
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMarathon, type MarathonTestClient } from './test-client.ts'

/* eslint-disable @typescript-eslint/no-explicit-any -- marathon-node ships no types */
const Marathon = createRequire(import.meta.url)('marathon-node') as (baseUrl: string, opts?: Record<string, unknown>) => any

let t: MarathonTestClient
beforeEach(async () => {
  t = await startMarathon()
})
afterEach(async () => {
  await t.served.close()
})

describe('marathon-node against the embedded Marathon', () => {
  it('creates, scales, updates, rolls back, restarts, kills tasks and deletes', async () => {
    const client = Marathon(t.base)
    expect(await client.misc.ping()).toBe('pong')
    const created = await client.app.create({ id: '/client/web', cmd: 'python3 -m http.server $PORT0', cpus: 0.1, mem: 64, instances: 1 })
    expect(created).toMatchObject({ id: '/client/web', instances: 1 })
    t.advance(4)
    expect((await client.app.getOne('client/web')).app.tasksRunning).toBe(1)

    const scaled = await client.app.update('client/web', { instances: 3 })
    expect(scaled.deploymentId).toBeDefined()
    t.advance(4)
    expect((await client.app.getTasks('client/web')).tasks).toHaveLength(3)
    expect(await client.deployments.getList()).toEqual([])

    await client.app.update('client/web', { cmd: 'python3 -m http.server $PORT0 --bind 0.0.0.0' })
    t.advance(8)
    const versions = (await client.app.getVersions('client/web')).versions as string[]
    expect(versions).toHaveLength(3)
    const original = await client.app.getVersion('client/web', versions[versions.length - 1])
    expect(original.cmd).toBe('python3 -m http.server $PORT0')
    await client.app.update('client/web', { version: versions[versions.length - 1] })
    t.advance(8)
    const rolledBack = (await client.app.getOne('client/web')).app
    expect(rolledBack).toMatchObject({ cmd: 'python3 -m http.server $PORT0', instances: 1, tasksRunning: 1 })

    const before = rolledBack.tasks[0].id
    expect((await client.app.restart('client/web')).deploymentId).toBeDefined()
    t.advance(6)
    const afterRestart = (await client.app.getTasks('client/web')).tasks
    expect(afterRestart.map((x: any) => x.id)).not.toContain(before)

    const killedOne = await client.app.killTask('client/web', afterRestart[0].id)
    expect(killedOne.task.id).toBe(afterRestart[0].id)
    t.advance(4)
    expect((await client.app.getOne('client/web')).app.tasksRunning).toBe(1)
    const killedAll = await client.app.killTasks('client/web', { scale: true })
    expect(killedAll.deploymentId).toBeDefined()
    t.advance(3)
    expect((await client.app.getOne('client/web')).app.instances).toBe(0)

    expect((await client.tasks.kill({ ids: [] })).tasks).toEqual([])
    expect((await client.queue.get()).queue).toEqual([])
    expect((await client.app.destroy('client/web')).deploymentId).toBeDefined()
    const missing = await client.app.getOne('client/web').catch((e: any) => e)
    expect(missing.statusCode).toBe(404)
    expect(missing.error).toEqual({ message: "App '/client/web' does not exist" })
  })

  it('follows a deployment through its event source', async () => {
    const client = Marathon(t.base)
    const es = client.events.createEventSource({ eventType: ['deployment_info', 'deployment_success', 'status_update_event'] })
    const seen: string[] = []
    const done = new Promise<any>((resolve) => {
      es.addEventListener('deployment_info', (e: any) => seen.push(JSON.parse(e.data).eventType))
      es.addEventListener('status_update_event', (e: any) => seen.push(JSON.parse(e.data).taskStatus))
      es.addEventListener('deployment_success', (e: any) => resolve(JSON.parse(e.data)))
    })
    await new Promise<void>((resolve) => (es.onopen = () => resolve()))
    const created = await client.app.create({ id: '/client/evented', cmd: 'run', cpus: 0.1, mem: 32 })
    const deploymentId = created.deployments[0].id
    t.advance(5)
    const success = await done
    es.close()
    expect(success.id).toBe(deploymentId)
    expect(seen).toEqual(['deployment_info', 'deployment_info', 'TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'])
  })
})
