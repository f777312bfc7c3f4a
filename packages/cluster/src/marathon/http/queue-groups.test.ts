/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon wire JSON */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMarathon, type MarathonTestClient } from './test-client.ts'

let t: MarathonTestClient
beforeEach(async () => {
  t = await startMarathon({ agents: 5 })
})
afterEach(async () => {
  await t.served.close()
})

describe('/v2/queue', () => {
  it('explains why an app cannot be placed', async () => {
    await t.call('POST', '/v2/apps', { id: '/huge', cmd: 'train', cpus: 64, mem: 128 })
    await t.call('POST', '/v2/apps', { id: '/picky', cmd: 'run', cpus: 0.1, mem: 32, constraints: [['rack', 'CLUSTER', 'rack-99']] })
    t.advance(3)
    const queue = (await t.call('GET', '/v2/queue?embed=lastUnusedOffers')).body.queue as any[]
    const huge = queue.find((q) => q.app.id === '/huge')
    // 5 agents: 1 public (slave_public, not accepted by default), 4 private with too few cpus
    expect(huge).toMatchObject({ count: 1, role: 'slave_public', delay: { timeLeftSeconds: 0, overdue: true } })
    const last = huge.processedOffersSummary.rejectSummaryLastOffers
    expect(last.find((e: any) => e.reason === 'UnfulfilledRole')).toEqual({ reason: 'UnfulfilledRole', declined: 1, processed: 5 })
    expect(last.find((e: any) => e.reason === 'UnfulfilledConstraint')).toEqual({ reason: 'UnfulfilledConstraint', declined: 0, processed: 4 })
    expect(last.find((e: any) => e.reason === 'InsufficientCpus')).toEqual({ reason: 'InsufficientCpus', declined: 4, processed: 4 })
    expect(huge.processedOffersSummary.processedOffersCount).toBeGreaterThanOrEqual(10)
    expect(huge.processedOffersSummary.rejectSummaryLaunchAttempt.find((e: any) => e.reason === 'InsufficientCpus').declined).toBeGreaterThanOrEqual(8)
    expect(huge.lastUnusedOffers[0]).toMatchObject({ offer: { agentId: expect.any(String), hostname: expect.any(String) }, reason: expect.any(Array), timestamp: expect.any(String) })
    const picky = queue.find((q) => q.app.id === '/picky')
    expect(picky.processedOffersSummary.rejectSummaryLastOffers.find((e: any) => e.reason === 'UnfulfilledConstraint').declined).toBe(4)
    expect(t.served.cluster.master.tasks.size).toBe(0)
    expect((await t.call('DELETE', '/v2/queue/nope/delay')).status).toBe(404)
  })

  it('places slave_public apps on public agents only when they accept that role', async () => {
    await t.call('POST', '/v2/apps', { id: '/edge', cmd: 'lb', cpus: 0.1, mem: 32, instances: 1, acceptedResourceRoles: ['slave_public'] })
    t.advance(4)
    const task = (await t.call('GET', '/v2/apps/edge')).body.app.tasks[0]
    expect(t.served.cluster.master.agents.get(task.slaveId)!.public).toBe(true)
  })
})

describe('/v2/groups, /v2/tasks, /v2/deployments, info', () => {
  it('serves the group tree, creates and deletes groups', async () => {
    const post = await t.call('POST', '/v2/groups', { id: '/shop', apps: [{ id: 'cart', cmd: 'cart', cpus: 0.1, mem: 32 }], groups: [{ id: 'back', apps: [{ id: 'db', cmd: 'db', cpus: 0.1, mem: 32 }] }] })
    expect(post.status).toBe(201)
    expect(post.body.deploymentId).toBeDefined()
    expect((await t.call('POST', '/v2/groups', { id: '/shop' })).status).toBe(409)
    t.advance(4)
    const root = (await t.call('GET', '/v2/groups?embed=group.groups&embed=group.apps&embed=group.apps.counts&embed=group.apps.tasks')).body
    expect(root.id).toBe('/')
    const shop = root.groups.find((g: any) => g.id === '/shop')
    expect(shop.apps.map((a: any) => a.id)).toEqual(['/shop/cart'])
    expect(shop.apps[0].tasksRunning).toBe(1)
    expect(shop.groups[0]).toMatchObject({ id: '/shop/back', apps: [{ id: '/shop/back/db' }] })
    expect((await t.call('GET', '/v2/groups/shop/back')).body.apps[0].id).toBe('/shop/back/db')
    expect((await t.call('GET', '/v2/groups/nope')).body).toEqual({ message: "Group '/nope' does not exist" })
    const scale = await t.call('PUT', '/v2/groups/shop', { scaleBy: 2 })
    expect(scale.status).toBe(200)
    t.advance(4)
    expect((await t.call('GET', '/v2/tasks?status=running')).body.tasks).toHaveLength(4)
    const del = await t.call('DELETE', '/v2/groups/shop')
    expect(del.status).toBe(200)
    t.advance(3)
    expect((await t.call('GET', '/v2/apps')).body.apps).toEqual([])
    expect((await t.call('GET', '/v2/tasks')).body.tasks).toEqual([])
  })

  it('kills tasks via POST /v2/tasks/delete, replacing them unless scale=true', async () => {
    await t.call('POST', '/v2/apps', { id: '/k', cmd: 'run', cpus: 0.1, mem: 32, instances: 2 })
    t.advance(4)
    const ids = (await t.call('GET', '/v2/tasks')).body.tasks.map((x: any) => x.id)
    const killed = await t.call('POST', '/v2/tasks/delete', { ids: [ids[0]] })
    expect(killed.body.tasks.map((x: any) => x.id)).toEqual([ids[0]])
    t.advance(4)
    expect((await t.call('GET', '/v2/apps/k')).body.app).toMatchObject({ instances: 2, tasksRunning: 2 })
    const scaled = await t.call('POST', '/v2/tasks/delete?scale=true', { ids: [ids[1]] })
    expect(scaled.body.deploymentId).toBeDefined()
    t.advance(3)
    expect((await t.call('GET', '/v2/apps/k')).body.app).toMatchObject({ instances: 1, tasksRunning: 1 })
    expect((await t.call('POST', '/v2/tasks/delete', { ids: 'x' })).status).toBe(400)
  })

  it('answers info, leader, ping, metrics and the /marathon alias', async () => {
    expect((await t.call('GET', '/v2/info')).body).toMatchObject({ name: 'marathon', elected: true, frameworkId: expect.any(String), marathon_config: { mesos_role: 'slave_public' } })
    expect((await t.call('GET', '/v2/leader')).body).toEqual({ leader: '10.0.0.1:8080' })
    const ping = await fetch(`${t.base}/ping`)
    expect(await ping.text()).toBe('pong')
    expect((await t.call('GET', '/metrics')).body.gauges['marathon.apps.active.gauge']).toEqual({ value: 0 })
    const alias = await fetch(`${t.served.baseUrl}/marathon/v2/apps`)
    expect(await alias.json()).toEqual({ apps: [] })
    const bare = await fetch(`${t.served.baseUrl}/marathon`, { redirect: 'manual' })
    expect(bare.status).toBe(307)
    expect(bare.headers.get('location')).toBe('/marathon/')
    const fw = [...t.served.cluster.master.frameworks.values()].find((f) => f.name === 'marathon')!
    expect(fw.roles).toEqual(['slave_public', '*'])
  })
})
