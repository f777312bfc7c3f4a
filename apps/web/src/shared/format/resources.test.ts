import { describe, expect, it } from 'vitest'
import { formatCpus, formatMiB, formatPercent, ratio } from './resources.ts'
import { formatAge, formatDuration } from './time.ts'

describe('resource formatting', () => {
  it('scales MiB through binary units', () => {
    expect(formatMiB(512)).toBe('512 MiB')
    expect(formatMiB(1536)).toBe('1.5 GiB')
    expect(formatMiB(2 * 1024 * 1024)).toBe('2 TiB')
  })
  it('trims fractional cpus', () => {
    expect(formatCpus(0.5)).toBe('0.5')
    expect(formatCpus(4)).toBe('4')
    expect(formatCpus(1.25)).toBe('1.25')
  })
  it('never divides by zero and clamps to [0,1]', () => {
    expect(ratio(3, 0)).toBe(0)
    expect(ratio(5, 4)).toBe(1)
    expect(formatPercent(0.004)).toBe('<1%')
    expect(formatPercent(0.5)).toBe('50%')
  })
})

describe('time formatting', () => {
  it('formats durations compactly', () => {
    expect(formatDuration(4_000)).toBe('4s')
    expect(formatDuration(250_000)).toBe('4m 10s')
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2h 5m')
    expect(formatDuration(-1)).toBe('—')
  })
  it('formats age relative to now', () => {
    expect(formatAge('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:01:00Z'))).toBe('1m')
    expect(formatAge('garbage')).toBe('—')
  })
})
