import { describe, expect, it } from 'vitest'
import { BodyCache } from './body-cache.ts'

describe('BodyCache', () => {
  it('rebuilds on a new version, but at most once per staleness window, and never across keys', () => {
    let now = 1000
    let builds = 0
    const cache = new BodyCache(250, () => now)
    const build = () => ({ n: ++builds })
    expect(cache.get('all', 1, build)).toBe('{"n":1}')
    expect(cache.get('all', 1, build)).toBe('{"n":1}')
    now += 100
    expect(cache.get('all', 2, build)).toBe('{"n":1}') // moved, but within 250 ms
    now += 200
    expect(cache.get('all', 3, build)).toBe('{"n":2}')
    expect(cache.get('other', 3, build)).toBe('{"n":3}')
    expect(builds).toBe(3)
  })
})
