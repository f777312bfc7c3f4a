import { describe, expect, it } from 'vitest'
import { makeNode } from '../testing/node-fixtures.ts'
import { DEFAULT_NODE_FILTERS, filterAndSortNodes, zonesOf } from './node-filters.ts'

const nodes = [
  makeNode(1, { allocated: { cpus: 7, mem: 1024, disk: 0, gpus: 0 } }),
  makeNode(2, { health: 'unreachable' }),
  makeNode(3, { maintenance: 'draining', health: 'draining' }),
  makeNode(10, { public: true }),
]

describe('filterAndSortNodes', () => {
  it('filters by health, type, zone and maintenance together', () => {
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, health: 'unreachable' }).map((n) => n.hostname)).toEqual(['agent-0002.dc1.internal'])
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, type: 'public' })).toHaveLength(1)
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, type: 'private' })).toHaveLength(3)
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, maintenance: 'any' }).map((n) => n.id)).toEqual([nodes[2]!.id])
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, zone: 'us-east-1b' }).map((n) => n.hostname)).toEqual(['agent-0001.dc1.internal', 'agent-0010.dc1.internal'])
  })
  it('searches hostname, id and ip', () => {
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, q: 'AGENT-0003' })).toHaveLength(1)
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, q: '-S10' })).toHaveLength(1)
    expect(filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, q: '10.0.0.4' }).map((n) => n.hostname)).toEqual(['agent-0002.dc1.internal'])
  })
  it('sorts by allocation ratio and health, falling back to hostname', () => {
    const byCpu = filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, sort: 'cpus', dir: 'desc' })
    expect(byCpu[0]!.hostname).toBe('agent-0001.dc1.internal')
    const byHealth = filterAndSortNodes(nodes, { ...DEFAULT_NODE_FILTERS, sort: 'health' })
    expect(byHealth.map((n) => n.health)).toEqual(['unreachable', 'draining', 'active', 'active'])
  })
  it('lists distinct zones', () => {
    expect(zonesOf([...nodes, makeNode(4)])).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c'])
  })
  it('handles 10,000 nodes quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeNode(i))
    const t = performance.now()
    const out = filterAndSortNodes(many, { ...DEFAULT_NODE_FILTERS, sort: 'mem', dir: 'desc', q: 'agent' })
    expect(out).toHaveLength(10_000)
    expect(performance.now() - t).toBeLessThan(500)
  })
})
