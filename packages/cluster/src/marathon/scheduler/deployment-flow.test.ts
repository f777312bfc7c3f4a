/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMarathon, type MarathonTestClient } from '../http/test-client.ts'

let t: MarathonTestClient
beforeEach(async () => {
  t = await startMarathon({ agents: 6 })
})
afterEach(async () => {
  await t.served.close()
})

interface Snapshot {
  oldRunning: number
  newRunning: number
  total: number
}

describe('rolling deployments', () => {
  it('restarts under upgradeStrategy: never below minimumHealthCapacity, never above maximumOverCapacity', async () => {
    const def = {
      id: '/roll',
      cmd: 'serve v1',
      cpus: 0.1,
      mem: 32,
      instances: 4,
      healthChecks: [{ protocol: 'TCP', portIndex: 0, intervalSeconds: 2, delaySeconds: 2, gracePeriodSeconds: 10 }],
      upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0.25 },
    }
    await t.call('POST', '/v2/apps', def)
    t.advance(8)
    const v1 = (await t.call('GET', '/v2/apps/roll')).body.app
    expect(v1.tasksHealthy).toBe(4)
    const oldIds = new Set(v1.tasks.map((x: any) => x.id))

    const put = await t.call('PUT', '/v2/apps/roll', { cmd: 'serve v2' })
    const deployment = (await t.call('GET', '/v2/deployments')).body[0]
    expect(deployment).toMatchObject({ id: put.body.deploymentId, affectedApps: ['/roll'], steps: [{ actions: [{ action: 'RestartApplication', app: '/roll' }] }], currentStep: 1, totalSteps: 1 })

    const snapshots: Snapshot[] = []
    for (let s = 0; s < 30; s++) {
      const app = (await t.call('GET', '/v2/apps/roll')).body.app
      const tasks = app.tasks as any[]
      // Marathon counts capacity without instances it already decided to kill (TASK_KILLING).
      const live = tasks.filter((x) => x.state !== 'TASK_KILLED' && x.state !== 'TASK_KILLING')
      snapshots.push({
        oldRunning: live.filter((x) => oldIds.has(x.id) && x.state === 'TASK_RUNNING').length,
        newRunning: live.filter((x) => !oldIds.has(x.id) && x.healthCheckResults[0]?.alive === true).length,
        total: live.length,
      })
      if (app.deployments.length === 0) break
      t.advance(1)
    }
    // minimumHealthCapacity 0.5 of 4 → at least 2 serving; maximumOverCapacity 0.25 → at most 5 tasks.
    for (const s of snapshots) {
      expect(s.oldRunning + s.newRunning).toBeGreaterThanOrEqual(2)
      expect(s.total).toBeLessThanOrEqual(5)
    }
    // Step by step: 2 old killed at once (4 − ⌈4·0.5⌉), 3 new started (⌊4·1.25⌋ − 2), old kept
    // until new ones are healthy, then the rest killed and the last new one started.
    expect(snapshots[0]).toEqual({ oldRunning: 2, newRunning: 0, total: 2 })
    expect(snapshots[1]).toEqual({ oldRunning: 2, newRunning: 0, total: 5 })
    expect(snapshots.some((s) => s.oldRunning === 0 && s.newRunning === 3)).toBe(true)
    expect(snapshots.at(-1)).toEqual({ oldRunning: 0, newRunning: 4, total: 4 })
    expect((await t.call('GET', '/v2/deployments')).body).toEqual([])
    // Mesos agrees with Marathon about the running tasks.
    const tasks = (await t.call('GET', '/v2/apps/roll/tasks')).body.tasks as any[]
    const master = t.served.cluster.master
    const mesosRunning = [...master.tasks.values()].filter((x) => x.state === 'TASK_RUNNING').map((x) => x.id).sort()
    expect(tasks.map((x) => x.id).sort()).toEqual(mesosRunning)
  })

  it('rolls back a deployment on DELETE and just stops it with force=true', async () => {
    await t.call('POST', '/v2/apps', { id: '/rb', cmd: 'serve v1', cpus: 0.1, mem: 32, instances: 2 })
    t.advance(5)
    const upd = await t.call('PUT', '/v2/apps/rb', { cmd: 'serve v2', labels: { MERIDIAN_SIM_READY: 'false' }, portDefinitions: [{ port: 0, name: 'http-api' }], readinessChecks: [{ portName: 'http-api' }] })
    t.advance(5)
    // the readiness check never succeeds: the deployment waits
    expect((await t.call('GET', '/v2/deployments')).body.map((d: any) => d.id)).toEqual([upd.body.deploymentId])
    const rb = await t.call('DELETE', `/v2/deployments/${upd.body.deploymentId}`)
    expect(rb.status).toBe(200)
    expect(rb.body.deploymentId).not.toBe(upd.body.deploymentId)
    expect((await t.call('GET', '/v2/apps/rb')).body.app.cmd).toBe('serve v1')
    t.advance(8)
    expect((await t.call('GET', '/v2/deployments')).body).toEqual([])
    expect((await t.call('GET', '/v2/apps/rb')).body.app.tasksRunning).toBe(2)

    const again = await t.call('PUT', '/v2/apps/rb', { cmd: 'serve v3', labels: { MERIDIAN_SIM_READY: 'false' }, portDefinitions: [{ port: 0, name: 'http-api' }], readinessChecks: [{ portName: 'http-api' }] })
    const stopped = await t.call('DELETE', `/v2/deployments/${again.body.deploymentId}?force=true`)
    expect(stopped.status).toBe(202)
    expect((await t.call('GET', '/v2/deployments')).body).toEqual([])
    expect((await t.call('GET', '/v2/apps/rb')).body.app.cmd).toBe('serve v3')
    expect(await t.call('DELETE', '/v2/deployments/nope')).toMatchObject({ status: 404, body: { message: 'DeploymentPlan nope does not exist' } })
  })

  it('replaces instances whose agent is removed and records lastTaskFailure', async () => {
    await t.call('POST', '/v2/apps', { id: '/survivor', cmd: 'run', cpus: 0.1, mem: 32, instances: 1 })
    t.advance(5)
    const before = (await t.call('GET', '/v2/apps/survivor')).body.app.tasks[0]
    t.served.cluster.master.removeAgent(before.slaveId)
    t.advance(5)
    const app = (await t.call('GET', '/v2/apps/survivor')).body.app
    expect(app.lastTaskFailure).toMatchObject({ appId: '/survivor', state: 'TASK_GONE', taskId: before.id, slaveId: before.slaveId })
    expect(app.tasksRunning).toBe(1)
    expect(app.tasks[0].slaveId).not.toBe(before.slaveId)
  })

  it('crash-loops with backoff and kills unhealthy instances', async () => {
    await t.call('POST', '/v2/apps', { id: '/crashy', cmd: 'run', cpus: 0.1, mem: 32, backoffSeconds: 5, labels: { MERIDIAN_SIM_CRASH: 'true', MERIDIAN_SIM_CRASH_AFTER_SECONDS: '2' } })
    t.advance(5)
    const queued = (await t.call('GET', '/v2/queue')).body.queue[0]
    expect(queued).toMatchObject({ count: 1, app: { id: '/crashy' }, delay: { overdue: false } })
    expect(queued.delay.timeLeftSeconds).toBeGreaterThan(0)
    expect((await t.call('GET', '/v2/apps/crashy')).body.app.lastTaskFailure.state).toBe('TASK_FAILED')
    expect((await t.call('DELETE', '/v2/queue/crashy/delay')).status).toBe(204)
    expect((await t.call('GET', '/v2/queue')).body.queue[0].delay).toEqual({ timeLeftSeconds: 0, overdue: true })

    await t.call('POST', '/v2/apps', {
      id: '/sick',
      cmd: 'run',
      cpus: 0.1,
      mem: 32,
      healthChecks: [{ protocol: 'HTTP', portIndex: 0, intervalSeconds: 2, delaySeconds: 1, gracePeriodSeconds: 1, maxConsecutiveFailures: 2 }],
      labels: { MERIDIAN_SIM_HEALTH: 'unhealthy' },
    })
    t.advance(4)
    const sick = (await t.call('GET', '/v2/apps/sick')).body.app
    expect(sick.tasksUnhealthy).toBe(1)
    expect(sick.tasks[0].healthCheckResults[0]).toMatchObject({ alive: false, lastFailureCause: '503 Service Unavailable' })
    t.advance(4)
    const firstTask = sick.tasks[0].id
    expect(t.served.cluster.master.getTask(firstTask)!.state).toBe('TASK_KILLED')
  })
})
