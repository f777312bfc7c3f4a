import { describe, expect, it } from 'vitest'
import { percentile } from './burst.ts'

describe('percentile', () => {
  it('is the nearest-rank percentile, 0 for no samples', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(percentile(xs, 50)).toBe(5)
    expect(percentile(xs, 95)).toBe(10)
    expect(percentile(xs, 10)).toBe(1)
    expect(percentile([], 95)).toBe(0)
    expect(xs[0]).toBe(5) // input not sorted in place
  })
})
