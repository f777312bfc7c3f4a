import type { ServiceGroupView, ServiceView } from '@meridian/api'
import { describe, expect, it } from 'vitest'
import { ServicesBody } from './services-body.ts'

const row = (id: string, running: number): ServiceView => ({
  id,
  name: id.split('/').at(-1)!,
  status: 'Running',
  health: 'Healthy',
  instances: running,
  tasks: { staged: 0, running, healthy: running, unhealthy: 0 },
  resources: { cpus: 0.1, mem: 128, disk: 0, gpus: 0 },
  image: null,
  cmd: 'sleep "forever"',
  version: '2026-11-25T12:00:00.000Z',
  labels: { 'a"b': 'c\\d' },
  deploymentIds: [],
  package: null,
  sdk: false,
})
const sum = { services: 2, running: 3, unhealthy: 0, resources: { cpus: 0.3, mem: 384, disk: 0, gpus: 0 } }
const tree = (web: ServiceView): ServiceGroupView => ({ id: '/', name: '/', groups: [{ id: '/prod', name: 'prod', groups: [], services: [web], summary: sum }], services: [row('/batch', 1)], summary: sum })

describe('ServicesBody', () => {
  it('serializes exactly as JSON.stringify, reusing rows it has seen', () => {
    const body = new ServicesBody()
    const t1 = tree(row('/prod/web', 2))
    expect(body.build(t1).text).toBe(JSON.stringify({ root: t1 }))
    // A new row object for one service: only that row changes in the output.
    const t2 = { ...t1, groups: [{ ...t1.groups[0]!, services: [row('/prod/web', 5)] }] }
    expect(body.build(t2).text).toBe(JSON.stringify({ root: t2 }))
    expect(JSON.parse(body.build(t2).text).root.groups[0].services[0].instances).toBe(5)
  })
})
