/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk untyped Marathon/Mesos wire JSON */
import { afterEach, describe, expect, it } from 'vitest'
import { clusterOptionsFromEnv } from '../../cluster.ts'
import { serveCluster, type ServedCluster } from '../../testing/serve-cluster.ts'
import { loadProfileAppId } from './load-profile.ts'

let served: ServedCluster | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

const get = async (path: string) => (await fetch(`${served!.baseUrl}${path}`)).json() as Promise<any>

describe('load profile', () => {
  it('names apps in nested groups of ten', () => {
    expect(loadProfileAppId(0, 100)).toBe('/bench/g000/app00001')
    expect(loadProfileAppId(9, 100)).toBe('/bench/g000/app00010')
    expect(loadProfileAppId(10, 100)).toBe('/bench/g001/app00011')
    expect(loadProfileAppId(9999, 10_000)).toBe('/bench/g999/app10000')
    expect(loadProfileAppId(19_999, 20_000)).toBe('/bench/g1999/app20000')
  })

  it('reads MERIDIAN_DEMO_SERVICES and MERIDIAN_DEMO_INSTANCES, clamped', () => {
    expect(clusterOptionsFromEnv({ MERIDIAN_DEMO_SERVICES: '10000', MERIDIAN_DEMO_INSTANCES: '10' })).toMatchObject({ services: 10_000, instancesPerService: 10 })
    expect(clusterOptionsFromEnv({ MERIDIAN_DEMO_SERVICES: '99999', MERIDIAN_DEMO_INSTANCES: '0' })).toMatchObject({ services: 20_000, instancesPerService: 1 })
    expect(clusterOptionsFromEnv({ MERIDIAN_DEMO_SERVICES: 'x' })).not.toHaveProperty('services')
  })

  it('starts with every instance RUNNING and healthy, on private agents, visible on Marathon and Mesos', async () => {
    served = await serveCluster({ agents: 10, empty: true, services: 12, instancesPerService: 3 })
    const { master } = served.cluster
    const apps = (await get('/service/marathon/v2/apps')).apps as any[]
    expect(apps).toHaveLength(12)
    for (const a of apps) expect(a).toMatchObject({ instances: 3, tasksRunning: 3, tasksHealthy: 3, tasksStaged: 0, deployments: [] })
    const group = await get('/service/marathon/v2/groups/bench/g001')
    expect(group.apps.map((a: any) => a.id)).toEqual(['/bench/g001/app00011', '/bench/g001/app00012'])

    const mesos = (await get('/mesos/master/tasks?limit=100')).tasks as any[]
    expect(mesos).toHaveLength(36)
    for (const t of mesos) {
      expect(t.state).toBe('TASK_RUNNING')
      expect(t.statuses.at(-1)).toMatchObject({ state: 'TASK_RUNNING', healthy: true })
      expect(master.agents.get(t.slave_id)!.public).toBe(false)
    }
    // Instances of one app sit on distinct agents; load spreads evenly over the private agents.
    const app = (await get('/service/marathon/v2/apps/bench/g000/app00001')).app
    expect(new Set(app.tasks.map((t: any) => t.slaveId)).size).toBe(3)
    const perAgent = [...master.agents.values()].filter((a) => !a.public).map((a) => a.taskIds.size)
    expect(Math.max(...perAgent) - Math.min(...perAgent)).toBeLessThanOrEqual(1)
    expect((await get('/service/marathon/v2/queue')).queue).toEqual([])
  })

  it('keeps instances no agent can take in the queue for the offer rounds', async () => {
    // 2 agents (1 private, 4 cpus or more): 0.1 cpus each, so 100 instances fit only partly on the smallest shape's memory.
    served = await serveCluster({ agents: 2, empty: true, services: 1, instancesPerService: 200 })
    const app = (await get('/service/marathon/v2/apps/bench/g000/app00001')).app
    expect(app.tasksRunning).toBeGreaterThan(0)
    expect(app.tasksRunning).toBeLessThan(200)
    const queue = (await get('/service/marathon/v2/queue')).queue as any[]
    expect(queue[0]).toMatchObject({ app: { id: '/bench/g000/app00001' }, count: 200 - app.tasksRunning })
  })
})
