import { describe, expect, it } from 'vitest'
import type { MarathonApp } from '../../upstreams/marathon/index.ts'
import { deriveServiceHealth, deriveServiceStatus } from './derive-status.ts'
import { toServiceTree } from './to-service-view.ts'

const app = (o: Partial<MarathonApp> = {}): MarathonApp => ({ id: '/prod/web', instances: 2, tasksRunning: 2, tasksStaged: 0, tasksHealthy: 0, tasksUnhealthy: 0, healthChecks: [], deployments: [], ...o })
const queued = (o: object = {}) => ({ app: { id: '/prod/web' }, count: 1, delay: { timeLeftSeconds: 0, overdue: true }, ...o })

describe('deriveServiceStatus', () => {
  it('covers every status', () => {
    expect(deriveServiceStatus(app(), { deploymentIds: [] })).toBe('Running')
    expect(deriveServiceStatus(app({ tasksRunning: 1 }), { deploymentIds: ['d1'] })).toBe('Deploying')
    expect(deriveServiceStatus(app({ tasksRunning: 1 }), { deploymentIds: [], queue: queued() })).toBe('Recovering')
    expect(deriveServiceStatus(app({ tasksRunning: 1 }), { deploymentIds: [], queue: queued({ delay: { timeLeftSeconds: 30, overdue: false } }) })).toBe('Delayed')
    expect(deriveServiceStatus(app({ tasksRunning: 0 }), { deploymentIds: ['d1'], queue: queued({ processedOffersSummary: { processedOffersCount: 9, unusedOffersCount: 9 } }) })).toBe('Waiting for resources')
    expect(deriveServiceStatus(app({ instances: 0, tasksRunning: 0 }), { deploymentIds: [] })).toBe('Suspended')
    expect(deriveServiceStatus(app({ instances: 0, tasksRunning: 1 }), { deploymentIds: ['d'] })).toBe('Deploying')
    expect(deriveServiceStatus(app({ tasksRunning: 0 }), { deploymentIds: [] })).toBe('Stopped')
  })
})

describe('deriveServiceHealth', () => {
  it('is Unknown without health checks or running tasks', () => {
    expect(deriveServiceHealth(app())).toBe('Unknown')
    expect(deriveServiceHealth(app({ healthChecks: [{}], tasksRunning: 0 }))).toBe('Unknown')
  })
  it('is Unhealthy when any task fails and Healthy when all pass', () => {
    expect(deriveServiceHealth(app({ healthChecks: [{}], tasksHealthy: 1, tasksUnhealthy: 1 }))).toBe('Unhealthy')
    expect(deriveServiceHealth(app({ healthChecks: [{}], tasksHealthy: 2 }))).toBe('Healthy')
  })
})

describe('toServiceTree', () => {
  it('nests groups and sums subtree totals', () => {
    const tree = toServiceTree(
      { id: '/', apps: [app({ id: '/solo', cpus: 1, mem: 128, tasksRunning: 1, instances: 1 })], groups: [{ id: '/prod', apps: [app({ cpus: 0.5, mem: 64, healthChecks: [{}], tasksUnhealthy: 1, labels: { DCOS_PACKAGE_NAME: 'kafka', DCOS_PACKAGE_VERSION: '2.0', DCOS_COMMONS_API_VERSION: 'v1' } })], groups: [] }] },
      new Map(),
    )
    expect(tree.summary).toEqual({ services: 2, running: 3, unhealthy: 1, resources: { cpus: 2, mem: 256, disk: 0, gpus: 0 } })
    expect(tree.groups[0]!.name).toBe('prod')
    expect(tree.groups[0]!.services[0]).toMatchObject({ name: 'web', package: { name: 'kafka', version: '2.0' }, sdk: true, health: 'Unhealthy' })
  })
})
