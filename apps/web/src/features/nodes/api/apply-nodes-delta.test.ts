import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import type { NodesListView } from '@meridian/api'
import { makeNode, makeNodeDetail } from '../testing/node-fixtures.ts'
import { applyNodesDelta, reduceNodesList } from './apply-nodes-delta.ts'
import { nodeKeys } from './get-nodes.ts'

const list: NodesListView = { nodes: [makeNode(1), makeNode(2)], total: 2 }
const id1 = list.nodes[0]!.id

describe('reduceNodesList', () => {
  it('replaces the rows of known agents without touching the others', () => {
    const moved = { ...list.nodes[0]!, health: 'unreachable' as const, allocated: { cpus: 3.5, mem: 2048, disk: 0, gpus: 0 } }
    const r = reduceNodesList(list, { type: 'nodes.changed', nodes: [moved] })
    expect(r.kind).toBe('updated')
    if (r.kind !== 'updated') return
    expect(r.list.nodes[0]).toEqual(moved)
    expect(r.list.nodes[1]).toBe(list.nodes[1])
    expect(r.list.total).toBe(2)
    expect(list.nodes[0]!.health).toBe('active')
  })
  it('appends agents it did not know and counts them', () => {
    const fresh = makeNode(9)
    const r = reduceNodesList(list, { type: 'nodes.changed', nodes: [fresh, { ...list.nodes[1]!, health: 'draining' }] })
    expect(r).toEqual({ kind: 'updated', list: { nodes: [list.nodes[0], { ...list.nodes[1], health: 'draining' }, fresh], total: 3 } })
  })
  it('reports no change for an empty batch', () => {
    expect(reduceNodesList(list, { type: 'nodes.changed', nodes: [] }).kind).toBe('unchanged')
  })
  it('removes agents and keeps the total consistent', () => {
    const r = reduceNodesList(list, { type: 'node.removed', nodeId: id1 })
    expect(r).toEqual({ kind: 'updated', list: { nodes: [list.nodes[1]], total: 1 } })
    expect(reduceNodesList(list, { type: 'node.removed', nodeId: 'nope' }).kind).toBe('unchanged')
  })
})

describe('applyNodesDelta', () => {
  it('writes list and detail caches, keeping the detail page task list', () => {
    const qc = new QueryClient()
    qc.setQueryData(nodeKeys.list(), list)
    const detail = makeNodeDetail(1)
    qc.setQueryData(nodeKeys.detail(id1), detail)
    applyNodesDelta(qc, { type: 'nodes.changed', nodes: [{ ...list.nodes[0]!, health: 'draining', allocated: { cpus: 1, mem: 1, disk: 1, gpus: 0 } }] })
    expect(qc.getQueryData<NodesListView>(nodeKeys.list())!.nodes[0]!.health).toBe('draining')
    const after = qc.getQueryData<typeof detail>(nodeKeys.detail(id1))!
    expect(after.health).toBe('draining')
    expect(after.allocated.cpus).toBe(1)
    expect(after.tasks).toBe(detail.tasks)
  })
})
