import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import type { NodesListView } from '@meridian/api'
import { makeNode, makeNodeDetail } from '../testing/node-fixtures.ts'
import { applyNodesDelta, reduceNodesList } from './apply-nodes-delta.ts'
import { nodeKeys } from './get-nodes.ts'

const list: NodesListView = { nodes: [makeNode(1), makeNode(2)], total: 2 }
const id1 = list.nodes[0]!.id

describe('reduceNodesList', () => {
  it('patches the health of a known agent without touching the others', () => {
    const r = reduceNodesList(list, { type: 'node.changed', node: { id: id1, hostname: null, health: 'unreachable' } })
    expect(r.kind).toBe('updated')
    if (r.kind !== 'updated') return
    expect(r.list.nodes[0]!.health).toBe('unreachable')
    expect(r.list.nodes[0]!.hostname).toBe(list.nodes[0]!.hostname)
    expect(r.list.nodes[1]).toBe(list.nodes[1])
    expect(list.nodes[0]!.health).toBe('active')
  })
  it('reports no change for an identical delta', () => {
    expect(reduceNodesList(list, { type: 'node.changed', node: { id: id1, hostname: null, health: 'active' } }).kind).toBe('unchanged')
  })
  it('asks for a refetch for an agent it does not know', () => {
    expect(reduceNodesList(list, { type: 'node.changed', node: { id: 'new-S9', hostname: 'x', health: 'active' } }).kind).toBe('refetch')
  })
  it('removes agents and keeps the total consistent', () => {
    const r = reduceNodesList(list, { type: 'node.removed', nodeId: id1 })
    expect(r).toEqual({ kind: 'updated', list: { nodes: [list.nodes[1]], total: 1 } })
    expect(reduceNodesList(list, { type: 'node.removed', nodeId: 'nope' }).kind).toBe('unchanged')
  })
})

describe('applyNodesDelta', () => {
  it('writes list and detail caches', () => {
    const qc = new QueryClient()
    qc.setQueryData(nodeKeys.list(), list)
    qc.setQueryData(nodeKeys.detail(id1), makeNodeDetail(1))
    applyNodesDelta(qc, { type: 'node.changed', node: { id: id1, hostname: null, health: 'draining' } })
    expect(qc.getQueryData<NodesListView>(nodeKeys.list())!.nodes[0]!.health).toBe('draining')
    expect(qc.getQueryData<{ health: string }>(nodeKeys.detail(id1))!.health).toBe('draining')
  })
})
