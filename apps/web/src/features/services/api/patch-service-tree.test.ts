import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import type { ServicesTreeView } from '@meridian/api'
import { makeService, makeTree } from '../testing/service-fixtures.ts'
import { applyServicesDelta } from './apply-services-delta.ts'
import { serviceKeys } from './get-services.ts'
import { patchServiceTree } from './patch-service-tree.ts'

describe('patchServiceTree', () => {
  it('replaces the row and moves every ancestor’s totals by its difference', () => {
    const tree = makeTree()
    const web = makeService('/prod/web', { health: 'Unhealthy', tasks: { staged: 1, running: 1, healthy: 0, unhealthy: 1 } })
    const out = patchServiceTree(tree, web)!
    const prod = out.root.groups[0]!
    expect(prod.services.find((s) => s.id === '/prod/web')).toBe(web)
    // web went from 2 running (0.5 cpu, 256 MB each) and healthy to 1 running and unhealthy
    expect(prod.summary).toEqual({ services: 2, running: 2, unhealthy: 2, resources: { cpus: 1.5, mem: 768, disk: 0, gpus: 0 } })
    expect(out.root.summary).toEqual({ services: 3, running: 2, unhealthy: 2, resources: { cpus: 1.5, mem: 768, disk: 0, gpus: 0 } })
    // untouched branches keep their identity (React skips them), and the input is not mutated
    expect(out.root.services[0]).toBe(tree.root.services[0])
    expect(tree.root.groups[0]!.summary.running).toBe(3)
  })
  it('returns null for a service the tree does not have', () => {
    expect(patchServiceTree(makeTree(), makeService('/prod/new'))).toBeNull()
    expect(patchServiceTree(makeTree(), makeService('/elsewhere/x'))).toBeNull()
  })
})

describe('applyServicesDelta', () => {
  it('patches the cached tree from a delta carrying the row, without marking it stale', () => {
    const qc = new QueryClient()
    qc.setQueryData(serviceKeys.tree(), makeTree())
    applyServicesDelta(qc, { type: 'service.changed', serviceId: '/batch', reason: 'definition', service: makeService('/batch', { status: 'Deploying', instances: 1 }) })
    const tree = qc.getQueryData<ServicesTreeView>(serviceKeys.tree())!
    expect(tree.root.services[0]).toMatchObject({ id: '/batch', status: 'Deploying', instances: 1 })
    expect(qc.getQueryState(serviceKeys.tree())!.isInvalidated).toBe(false)
  })
  it('marks the tree stale for a service it does not have, or a delta without a row', () => {
    const qc = new QueryClient()
    qc.setQueryData(serviceKeys.tree(), makeTree())
    applyServicesDelta(qc, { type: 'service.changed', serviceId: '/prod/new', reason: 'definition', service: makeService('/prod/new') })
    expect(qc.getQueryState(serviceKeys.tree())!.isInvalidated).toBe(true)
    const qc2 = new QueryClient()
    qc2.setQueryData(serviceKeys.tree(), makeTree())
    applyServicesDelta(qc2, { type: 'service.changed', serviceId: '/prod/web', reason: 'removed' })
    expect(qc2.getQueryState(serviceKeys.tree())!.isInvalidated).toBe(true)
  })
})
