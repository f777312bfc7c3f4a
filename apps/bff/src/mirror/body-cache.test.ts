import { describe, expect, it } from 'vitest'
import { BodyCache, JsonText } from './body-cache.ts'

describe('BodyCache', () => {
  it('rebuilds on a new version, but at most once per staleness window, and never across keys', () => {
    let now = 1000
    let builds = 0
    const cache = new BodyCache(250, () => now)
    const build = () => ({ n: ++builds })
    const text = (b: Uint8Array) => new TextDecoder().decode(b)
    expect(text(cache.get('all', 1, build))).toBe('{"n":1}')
    expect(text(cache.get('all', 1, build))).toBe('{"n":1}')
    now += 100
    expect(text(cache.get('all', 2, build))).toBe('{"n":1}') // moved, but within 250 ms
    now += 200
    expect(text(cache.get('all', 3, build))).toBe('{"n":2}')
    expect(text(cache.get('other', 3, build))).toBe('{"n":3}')
    expect(builds).toBe(3)
    expect(text(cache.get('json', 4, () => new JsonText('[1,2]')))).toBe('[1,2]')
  })
})
