/**
 * Live deltas for nodes. The reducer is pure: a known agent's health/hostname is patched in
 * place; an unknown agent cannot be built from a delta, so the caller refetches.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta, NodeDetailView, NodesListView } from '@meridian/api'
import { nodeKeys } from './get-nodes.ts'

export type NodesReduction = { kind: 'unchanged' } | { kind: 'updated'; list: NodesListView } | { kind: 'refetch' }

export function reduceNodesList(list: NodesListView, delta: LiveDelta): NodesReduction {
  if (delta.type === 'node.changed') {
    const i = list.nodes.findIndex((n) => n.id === delta.node.id)
    if (i < 0) return { kind: 'refetch' }
    const cur = list.nodes[i]!
    const hostname = delta.node.hostname ?? cur.hostname
    if (cur.health === delta.node.health && cur.hostname === hostname) return { kind: 'unchanged' }
    const nodes = list.nodes.slice()
    nodes[i] = { ...cur, health: delta.node.health, hostname }
    return { kind: 'updated', list: { ...list, nodes } }
  }
  if (delta.type === 'node.removed') {
    const nodes = list.nodes.filter((n) => n.id !== delta.nodeId)
    return nodes.length === list.nodes.length ? { kind: 'unchanged' } : { kind: 'updated', list: { nodes, total: list.total - 1 } }
  }
  return { kind: 'unchanged' }
}

export function applyNodesDelta(qc: QueryClient, delta: LiveDelta): void {
  if (delta.type === 'task.changed') {
    // A task moved on this agent: its detail page shows tasks, so refresh it if it is open.
    void qc.invalidateQueries({ queryKey: nodeKeys.detail(delta.task.agentId), refetchType: 'active' })
    return
  }
  if (delta.type !== 'node.changed' && delta.type !== 'node.removed') return
  const list = qc.getQueryData<NodesListView>(nodeKeys.list())
  if (list) {
    const r = reduceNodesList(list, delta)
    if (r.kind === 'updated') qc.setQueryData(nodeKeys.list(), r.list)
    else if (r.kind === 'refetch') void qc.invalidateQueries({ queryKey: nodeKeys.list() })
  }
  if (delta.type === 'node.changed') {
    qc.setQueryData<NodeDetailView>(nodeKeys.detail(delta.node.id), (d) => (d ? { ...d, health: delta.node.health } : d))
  }
}
