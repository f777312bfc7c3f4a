import { describe, expect, it } from 'vitest'
import { GeneratedLog, type GeneratedLogSpec } from './generated-log.ts'

const spec: GeneratedLogSpec = { header: 'héllo\n', lineWidth: 8, startMs: 1000, intervalMs: 100, line: (i) => `l${i}`, footer: 'bye\n' }

describe('GeneratedLog', () => {
  it('grows one fixed-width line per interval after a UTF-8 header', () => {
    expect(new GeneratedLog(spec, 1000).size).toBe(7) // 'héllo\n' is 7 bytes
    const log = new GeneratedLog(spec, 1350)
    expect(log.size).toBe(7 + 3 * 8)
    expect(log.read(0, 1000).toString()).toBe('héllo\nl0     \nl1     \nl2     \n')
  })

  it('reads any window, identical to slicing the whole file', () => {
    const log = new GeneratedLog({ ...spec, endMs: 1450 }, 5000)
    const whole = log.read(0, log.size)
    expect(whole.toString().endsWith('l3     \nbye\n')).toBe(true)
    for (let off = 0; off < log.size; off += 3) for (const len of [1, 5, 9, 40]) expect(log.read(off, len)).toEqual(whole.subarray(off, off + len))
  })

  it('stops at endMs and keeps ASCII-only fixed widths', () => {
    const log = new GeneratedLog({ ...spec, endMs: 1250, line: () => 'ünïcode-and-too-long' }, 9999)
    expect(log.size).toBe(7 + 2 * 8 + 4)
    expect(log.read(7, 8).toString()).toBe('?n?code\n')
  })
})
