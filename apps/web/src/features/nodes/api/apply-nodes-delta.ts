/**
 * Live deltas for nodes. The BFF sends full rows (`nodes.changed`, batched), so the list is
 * patched in one copy per delta however many agents moved: known agents are replaced, new ones
 * appended (the table sorts on display). The reducer is pure.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta, NodeDetailView, NodesListView } from '@meridian/api'
import { reapplyAfterFetch } from '#shared/live/reapply-after-fetch.ts'
import { nodeKeys } from './get-nodes.ts'

export type NodesReduction = { kind: 'unchanged' } | { kind: 'updated'; list: NodesListView }

export function reduceNodesList(list: NodesListView, delta: LiveDelta): NodesReduction {
  if (delta.type === 'nodes.changed') {
    if (delta.nodes.length === 0) return { kind: 'unchanged' }
    const incoming = new Map(delta.nodes.map((n) => [n.id, n]))
    const nodes = list.nodes.map((n) => {
      const next = incoming.get(n.id)
      if (!next) return n
      incoming.delete(n.id)
      return next
    })
    nodes.push(...incoming.values())
    return { kind: 'updated', list: { nodes, total: list.total + incoming.size } }
  }
  if (delta.type === 'node.removed') {
    const nodes = list.nodes.filter((n) => n.id !== delta.nodeId)
    return nodes.length === list.nodes.length ? { kind: 'unchanged' } : { kind: 'updated', list: { nodes, total: list.total - 1 } }
  }
  return { kind: 'unchanged' }
}

export function applyNodesDelta(qc: QueryClient, delta: LiveDelta): void {
  if (delta.type === 'task.changed') {
    // A task moved on this agent: its detail page lists tasks, so refresh it if it is open.
    void qc.invalidateQueries({ queryKey: nodeKeys.detail(delta.task.agentId), refetchType: 'active' })
    return
  }
  if (delta.type !== 'nodes.changed' && delta.type !== 'node.removed') return
  const patchList = () => {
    const list = qc.getQueryData<NodesListView>(nodeKeys.list())
    if (!list) return
    const r = reduceNodesList(list, delta)
    if (r.kind === 'updated') qc.setQueryData(nodeKeys.list(), r.list)
  }
  patchList()
  reapplyAfterFetch(qc, nodeKeys.list(), patchList)
  if (delta.type === 'nodes.changed') {
    for (const node of delta.nodes) {
      // The row carries everything but the task list, which the task deltas refresh.
      qc.setQueryData<NodeDetailView>(nodeKeys.detail(node.id), (d) => (d ? { ...d, ...node } : d))
    }
  }
}
