import { describe, expect, it } from 'vitest'
import { SharedResult } from './shared-result.ts'

describe('SharedResult', () => {
  it('shares a result per key within the TTL, reloads after it, and never keeps a failure', async () => {
    let now = 0
    let loads = 0
    const shared = new SharedResult<number>(1000, () => now)
    const load = () => Promise.resolve(++loads)
    expect(await Promise.all([shared.get('a', load), shared.get('a', load)])).toEqual([1, 1])
    expect(await shared.get('b', load)).toBe(2)
    now = 999
    expect(await shared.get('a', load)).toBe(1)
    now = 1000
    expect(await shared.get('a', load)).toBe(3)
    await expect(shared.get('c', () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await shared.get('c', load)).toBe(4)
  })
  it('holds at most maxKeys keys', async () => {
    let loads = 0
    const shared = new SharedResult<number>(60_000, Date.now, 2)
    const load = () => Promise.resolve(++loads)
    await shared.get('a', load)
    await shared.get('b', load)
    await shared.get('c', load)
    expect(await shared.get('a', load)).toBe(4) // evicted, loaded again
  })
})
