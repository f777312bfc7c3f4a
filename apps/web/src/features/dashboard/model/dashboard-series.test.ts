import { describe, expect, it } from 'vitest'
import { groupTaskStates, toSeries } from './dashboard-series.ts'

describe('toSeries', () => {
  it('turns samples into percentages and zero for empty totals', () => {
    const rows = toSeries([
      { at: 1, allocated: { cpus: 2, mem: 512, disk: 0, gpus: 0 }, total: { cpus: 8, mem: 1024, disk: 100, gpus: 0 } },
    ])
    expect(rows).toEqual([{ at: 1, cpus: 25, mem: 50, disk: 0, gpus: 0 }])
  })
})

describe('groupTaskStates', () => {
  it('folds terminal failure states together', () => {
    const g = groupTaskStates({ TASK_RUNNING: 5, TASK_FAILED: 1, TASK_LOST: 2, TASK_STAGING: 1 })
    expect(g.find((x) => x.group === 'Failed')!.count).toBe(3)
    expect(g.find((x) => x.group === 'Running')!.count).toBe(5)
    expect(g.find((x) => x.group === 'Starting')!.count).toBe(1)
  })
})
