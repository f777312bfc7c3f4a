/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMarathon, type MarathonTestClient } from './test-client.ts'

let t: MarathonTestClient
beforeEach(async () => {
  t = await startMarathon()
})
afterEach(async () => {
  await t.served.close()
})

const sleeper = { id: '/grp/sleeper', cmd: 'sleep 1000', cpus: 0.1, mem: 32, instances: 2 }

describe('Marathon /v2/apps', () => {
  it('creates an app with defaults, 201, Location and deployment header, then runs its tasks', async () => {
    const res = await t.call('POST', '/v2/apps', sleeper)
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toMatch(/\/service\/marathon\/v2\/apps\/grp\/sleeper$/)
    expect(res.headers.get('marathon-deployment-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.body).toMatchObject({
      id: '/grp/sleeper',
      networks: [{ mode: 'host' }],
      portDefinitions: [{ port: 10000, name: 'default', protocol: 'tcp' }],
      upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
      backoffSeconds: 1,
      backoffFactor: 1.15,
      maxLaunchDelaySeconds: 300,
      tasksRunning: 0,
      deployments: [{ id: res.headers.get('marathon-deployment-id') }],
    })
    expect(res.body.versionInfo.lastConfigChangeAt).toBe(res.body.version)
    t.advance(4)
    const got = await t.call('GET', '/v2/apps/grp/sleeper')
    expect(got.body.app.tasksRunning).toBe(2)
    expect(got.body.app.deployments).toEqual([])
    const task = got.body.app.tasks[0]
    expect(task.id).toMatch(/^grp_sleeper\.instance-[0-9a-f-]{36}\._app\.1$/)
    expect(task).toMatchObject({ appId: '/grp/sleeper', state: 'TASK_RUNNING', servicePorts: [10000] })
    expect(task.ports).toHaveLength(1)
    // Mesos agrees: same task ids, resources accounted on the agent.
    const master = t.served.cluster.master
    for (const tk of got.body.app.tasks) {
      const mt = master.getTask(tk.id)!
      expect(mt.state).toBe('TASK_RUNNING')
      expect(mt.agentId).toBe(tk.slaveId)
      expect(master.agents.get(mt.agentId)!.used.cpus).toBeGreaterThanOrEqual(0.1)
      expect(mt.hostPorts).toEqual(tk.ports)
    }
  })

  it('lists with filters and embeds', async () => {
    await t.call('POST', '/v2/apps', { ...sleeper, labels: { tier: 'web' } })
    await t.call('POST', '/v2/apps', { id: 'other', cmd: 'run-other', cpus: 0.1, mem: 32, instances: 1 })
    t.advance(4)
    const byLabel = await t.call('GET', '/v2/apps?label=tier==web&embed=apps.tasks&embed=apps.taskStats')
    expect(byLabel.body.apps.map((a: any) => a.id)).toEqual(['/grp/sleeper'])
    expect(byLabel.body.apps[0].tasks).toHaveLength(2)
    expect(byLabel.body.apps[0].taskStats.totalSummary.stats.counts.running).toBe(2)
    expect((await t.call('GET', '/v2/apps?id=OTH')).body.apps.map((a: any) => a.id)).toEqual(['/other'])
    expect((await t.call('GET', '/v2/apps?cmd=sleep')).body.apps).toHaveLength(1)
    const plain = await t.call('GET', '/v2/apps')
    expect(plain.body.apps[0].tasks).toBeUndefined()
    expect(plain.body.apps[0].tasksRunning).toBe(2)
    expect((await t.call('GET', '/v2/apps/grp/*')).body['*']).toHaveLength(1)
  })

  it('answers 404, 400 and 422 with Marathon bodies and changes nothing', async () => {
    expect(await t.call('GET', '/v2/apps/nope')).toMatchObject({ status: 404, body: { message: "App '/nope' does not exist" } })
    const bad = await t.call('POST', '/v2/apps', '{"id": "/x", "cmd": ')
    expect(bad.status).toBe(400)
    expect(typeof bad.body.message).toBe('string')
    const wrongType = await t.call('POST', '/v2/apps', { id: '/x', cmd: 'a b', cpus: 'many' })
    expect(wrongType).toMatchObject({ status: 400, body: { message: 'Invalid JSON', details: [{ path: '/cpus', errors: ['error.expected.jsnumber'] }] } })
    const invalid = await t.call('POST', '/v2/apps', { id: '/x', cpus: 1, upgradeStrategy: { minimumHealthCapacity: 2 } })
    expect(invalid.status).toBe(422)
    expect(invalid.body.message).toBe('Object is not valid')
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        { path: '/upgradeStrategy/minimumHealthCapacity', errors: ['is greater than 1'] },
        { path: '/', errors: ["AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'."] },
      ]),
    )
    const badConstraint = await t.call('POST', '/v2/apps', { id: '/x', cmd: 'run', constraints: [['hostname', 'UNIQUE', 'x'], ['rack', 'MAX_PER']] })
    expect(badConstraint.body.details).toEqual([
      { path: '/constraints(0)', errors: ['Value specified but not used'] },
      { path: '/constraints(1)', errors: ['Value was not specified or is not a number'] },
    ])
    expect((await t.call('POST', '/v2/apps', { id: '/Bad_Id', cmd: 'run' })).body.details[0].path).toBe('/id')
    expect((await t.call('GET', '/v2/apps')).body.apps).toEqual([])
    expect((await t.call('GET', '/v2/deployments')).body).toEqual([])
    expect(t.served.cluster.master.tasks.size).toBe(0)
    await t.call('POST', '/v2/apps', sleeper)
    expect(await t.call('POST', '/v2/apps', sleeper)).toMatchObject({ status: 409, body: { message: 'An app with id [/grp/sleeper] already exists.' } })
  })

  it('refuses an app under an app, or on a group id, like the root group validation (422), by POST and by PUT', async () => {
    await t.call('POST', '/v2/apps', sleeper)
    const clash = { status: 422, body: { message: 'Object is not valid', details: [{ path: '/', errors: ['Groups and Applications may not have the same identifier.'] }] } }
    expect(await t.call('POST', '/v2/apps', { ...sleeper, id: '/grp/sleeper/child' })).toMatchObject(clash)
    expect(await t.call('POST', '/v2/apps', { ...sleeper, id: '/grp' })).toMatchObject(clash)
    expect(await t.call('PUT', '/v2/apps/grp/sleeper/child', { cmd: 'sleep 1', cpus: 0.1, mem: 32 })).toMatchObject(clash)
    expect((await t.call('GET', '/v2/apps')).body.apps.map((a: any) => a.id)).toEqual(['/grp/sleeper'])
    // Within one group body too: an app and another under it.
    const nested = await t.call('POST', '/v2/groups', { id: '/nest', apps: [{ ...sleeper, id: '/nest/a' }, { ...sleeper, id: '/nest/a/b' }] })
    expect(nested).toMatchObject(clash)
    expect((await t.call('GET', '/v2/apps')).body.apps.map((a: any) => a.id)).toEqual(['/grp/sleeper'])
  })

  it('PUT is a partial update by default, creates when missing, PATCH 404s when missing', async () => {
    await t.call('POST', '/v2/apps', sleeper)
    t.advance(4)
    const put = await t.call('PUT', '/v2/apps/grp/sleeper', { instances: 3 })
    expect(put.status).toBe(200)
    expect(put.body).toEqual({ version: expect.any(String), deploymentId: put.headers.get('marathon-deployment-id') })
    t.advance(4)
    const app = (await t.call('GET', '/v2/apps/grp/sleeper')).body.app
    expect(app).toMatchObject({ instances: 3, cmd: 'sleep 1000', tasksRunning: 3 })
    expect(app.versionInfo.lastScalingAt).toBe(app.version)
    expect(app.versionInfo.lastConfigChangeAt).not.toBe(app.version)
    const created = await t.call('PUT', '/v2/apps/fresh', { cmd: 'run fresh', cpus: 0.1, mem: 16 })
    expect(created.status).toBe(201)
    expect(await t.call('PATCH', '/v2/apps/missing', { instances: 1 })).toMatchObject({ status: 404 })
    t.advance(4)
    const patched = await t.call('PATCH', '/v2/apps/fresh', { env: { A: '1' } })
    expect(patched.status).toBe(200)
    expect((await t.call('GET', '/v2/apps/fresh')).body.app.env).toEqual({ A: '1' })
  })

  it('rejects a conflicting update with 409 while a deployment holds the app, unless force', async () => {
    await t.call('POST', '/v2/apps', { ...sleeper, instances: 1, labels: { MERIDIAN_SIM_STARTUP_SECONDS: '30' } })
    const dep = (await t.call('GET', '/v2/deployments')).body[0].id
    const res = await t.call('PUT', '/v2/apps/grp/sleeper', { instances: 5 })
    expect(res.status).toBe(409)
    expect(res.body).toEqual({
      message: `App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/${dep}'.`,
      deployments: [{ id: dep }],
    })
    expect((await t.call('GET', '/v2/apps/grp/sleeper')).body.app.instances).toBe(1)
    const forced = await t.call('PUT', '/v2/apps/grp/sleeper?force=true', { instances: 2 })
    expect(forced.status).toBe(200)
    const deps = (await t.call('GET', '/v2/deployments')).body
    expect(deps.map((d: any) => d.id)).toEqual([forced.body.deploymentId])
  })

  it('keeps versions, rolls back with {version}, restarts, kills tasks and deletes', async () => {
    await t.call('POST', '/v2/apps', { ...sleeper, instances: 1 })
    t.advance(4)
    await t.call('PUT', '/v2/apps/grp/sleeper', { cmd: 'sleep 2000' })
    t.advance(6)
    const versions = (await t.call('GET', '/v2/apps/grp/sleeper/versions')).body.versions
    expect(versions).toHaveLength(2)
    const first = (await t.call('GET', `/v2/apps/grp/sleeper/versions/${versions[1]}`)).body
    expect(first.cmd).toBe('sleep 1000')
    const rollback = await t.call('PUT', '/v2/apps/grp/sleeper', { version: versions[1] })
    expect(rollback.status).toBe(200)
    t.advance(6)
    const rolled = (await t.call('GET', '/v2/apps/grp/sleeper')).body.app
    expect(rolled.cmd).toBe('sleep 1000')
    expect(rolled.tasks).toHaveLength(1)
    expect(rolled.tasks[0].version).toBe(rolled.version)

    const before = rolled.tasks[0].id
    const restart = await t.call('POST', '/v2/apps/grp/sleeper/restart')
    expect(restart.status).toBe(200)
    t.advance(6)
    const restarted = (await t.call('GET', '/v2/apps/grp/sleeper')).body.app
    expect(restarted.tasks.map((x: any) => x.id)).not.toContain(before)

    const taskId = restarted.tasks[0].id
    const killed = await t.call('DELETE', `/v2/apps/grp/sleeper/tasks/${taskId}`)
    expect(killed.body.task.id).toBe(taskId)
    t.advance(4)
    const replaced = (await t.call('GET', '/v2/apps/grp/sleeper/tasks')).body.tasks
    expect(replaced).toHaveLength(1)
    expect(replaced[0].id).toBe(taskId.replace(/\._app\.1$/, '._app.2'))
    expect(t.served.cluster.master.getTask(taskId)!.state).toBe('TASK_KILLED')

    const scaled = await t.call('DELETE', `/v2/apps/grp/sleeper/tasks/${replaced[0].id}?scale=true`)
    expect(scaled.body.deploymentId).toBeDefined()
    t.advance(3)
    expect((await t.call('GET', '/v2/apps/grp/sleeper')).body.app).toMatchObject({ instances: 0, tasksRunning: 0 })
    expect(await t.call('DELETE', '/v2/apps/grp/sleeper/tasks/nope._app.1')).toMatchObject({ status: 404, body: { message: "Task 'nope._app.1' does not exist" } })

    const del = await t.call('DELETE', '/v2/apps/grp/sleeper')
    expect(del.status).toBe(200)
    expect(del.body.deploymentId).toBeDefined()
    expect((await t.call('GET', '/v2/apps/grp/sleeper')).status).toBe(404)
  })
})
