import { describe, expect, it } from 'vitest'
import { SimClock } from './clock.ts'

describe('SimClock', () => {
  it('fires timers in virtual-time order only when advanced (manual mode)', () => {
    const clock = new SimClock({ mode: 'manual', start: 1_000 })
    const fired: string[] = []
    clock.after(300, () => fired.push('b'))
    clock.after(100, () => fired.push('a'))
    const t = clock.after(200, () => fired.push('cancelled'))
    t.cancel()
    clock.advance(99)
    expect(fired).toEqual([])
    clock.advance(500)
    expect(fired).toEqual(['a', 'b'])
    expect(clock.now()).toBe(1_599)
  })

  it('repeats `every` timers and sees the timer time as now', () => {
    const clock = new SimClock({ mode: 'manual', start: 0 })
    const seen: number[] = []
    clock.every(1000, () => seen.push(clock.now()))
    clock.advance(3500)
    expect(seen).toEqual([1000, 2000, 3000])
  })

  it('runs timers scheduled by timers within the same advance', () => {
    const clock = new SimClock({ mode: 'manual', start: 0 })
    const seen: number[] = []
    clock.after(10, () => clock.after(10, () => seen.push(clock.now())))
    clock.advance(25)
    expect(seen).toEqual([20])
  })
})
