import { describe, expect, it } from 'vitest'
import { percentile, summarize } from './stats.ts'

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const s = Array.from({ length: 100 }, (_, i) => 100 - i) // 100..1, unsorted
    expect(percentile(s, 50)).toBe(50)
    expect(percentile(s, 95)).toBe(95)
    expect(percentile(s, 100)).toBe(100)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([1, 2, 3], 50)).toBe(2)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
  })
  it('is NaN without samples and rejects p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile([1], 0)).toThrow(RangeError)
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })
})

describe('summarize', () => {
  it('reports n, p50, p95 and max rounded to 2 decimals', () => {
    expect(summarize([3.14159, 1, 2, 10])).toEqual({ n: 4, p50: 2, p95: 10, max: 10 })
    expect(summarize([1.23456])).toEqual({ n: 1, p50: 1.23, p95: 1.23, max: 1.23 })
    expect(summarize([]).n).toBe(0)
  })
})
