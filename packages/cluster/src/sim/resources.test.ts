import { describe, expect, it } from 'vitest'
import { formatRanges, mergeRanges, parseRanges, subtractBags, subtractRanges, takePorts } from './resources.ts'

describe('resources', () => {
  it('renders and parses Mesos v0 range strings', () => {
    const r = [{ begin: 31000, end: 31005 }, { begin: 31010, end: 32000 }]
    expect(formatRanges(r)).toBe('[31000-31005, 31010-32000]')
    expect(parseRanges('[31000-31005, 31010-32000]')).toEqual(r)
    expect(formatRanges([])).toBe('[]')
    expect(() => parseRanges('[a-b]')).toThrow(/malformed/)
  })

  it('merges adjacent ranges and subtracts holes', () => {
    expect(mergeRanges([{ begin: 5, end: 9 }, { begin: 1, end: 4 }])).toEqual([{ begin: 1, end: 9 }])
    expect(subtractRanges([{ begin: 1, end: 10 }], [{ begin: 3, end: 4 }])).toEqual([
      { begin: 1, end: 2 },
      { begin: 5, end: 10 },
    ])
  })

  it('takes the lowest free ports or exactly the requested ones', () => {
    const avail = [{ begin: 10, end: 11 }, { begin: 20, end: 30 }]
    expect(takePorts(avail, 3)).toEqual([10, 11, 20])
    expect(takePorts(avail, 2, [25, 0])).toEqual([25, 10])
    expect(takePorts(avail, 1, [12])).toBeUndefined()
    expect(takePorts([{ begin: 1, end: 1 }], 2)).toBeUndefined()
  })

  it('never goes negative and rounds float noise', () => {
    const a = { cpus: 0.3, mem: 10, disk: 0, gpus: 0, ports: [] }
    const b = { cpus: 0.1, mem: 20, disk: 0, gpus: 0, ports: [] }
    expect(subtractBags(a, b)).toMatchObject({ cpus: 0.2, mem: 0 })
  })
})
