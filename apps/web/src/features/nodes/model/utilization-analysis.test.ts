import { describe, expect, it } from 'vitest'
import { makeNode } from '../testing/node-fixtures.ts'
import { analyzeUtilization } from './utilization-analysis.ts'

describe('analyzeUtilization', () => {
  const shape = { cpus: 1, mem: 2048 }
  it('counts whole typical tasks that fit and finds stranded capacity', () => {
    const nodes = [
      // 6 cpus / 28 GiB free → 6 tasks fit
      makeNode(1),
      // 0.5 cpu free: nothing fits, so its free cpu and mem are stranded
      makeNode(2, { allocated: { cpus: 7.5, mem: 8192, disk: 0, gpus: 0 } }),
      // plenty of cpu but only 1 GiB memory free: stranded too
      makeNode(3, { allocated: { cpus: 1, mem: 31_744, disk: 0, gpus: 0 } }),
      // not schedulable: ignored for free capacity, but counted in totals
      makeNode(4, { health: 'deactivated' }),
      // gone: ignored everywhere
      makeNode(5, { health: 'gone' }),
    ]
    const a = analyzeUtilization(nodes, shape)
    expect(a.fitsTypical).toBe(6)
    expect(a.schedulableNodes).toBe(3)
    expect(a.fragmentedNodes).toBe(2)
    expect(a.stranded.cpus).toBeCloseTo(0.5 + 7)
    expect(a.fragmentation).toBeCloseTo(7.5 / (6 + 0.5 + 7))
    expect(a.total.cpus).toBe(32)
    expect(a.top[0]!.node.hostname).toBe('agent-0003.dc1.internal')
  })
  it('reports no fragmentation on an empty cluster', () => {
    const a = analyzeUtilization([], shape)
    expect(a.fragmentation).toBe(0)
    expect(a.fitsTypical).toBe(0)
    expect(a.top).toEqual([])
  })
})
