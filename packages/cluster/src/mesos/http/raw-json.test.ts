import { describe, expect, it } from 'vitest'
import { mergeRanges, type PortRange } from '../../sim/resources.ts'
import { composite, jsonChunks, RawJson, RawJsonArray, toJsonText } from './raw-json.ts'
import { BagAccumulator } from './wire-resources.ts'

describe('raw JSON assembly', () => {
  it('matches JSON.stringify of the equivalent plain value', () => {
    const plain = { a: 1, skip: undefined, list: [{ x: 'é"\n' }, null], nested: { tasks: [{ id: 't1' }, { id: 't2' }], empty: [] }, z: 'end' }
    const spliced = composite({
      a: 1,
      skip: undefined,
      list: composite([new RawJson(JSON.stringify({ x: 'é"\n' })), null]),
      nested: composite({ tasks: new RawJsonArray(['{"id":"t1"}', '', '{"id":"t2"}']), empty: new RawJsonArray([]) }),
      z: 'end',
    })
    expect(toJsonText(spliced)).toBe(JSON.stringify(plain))
  })

  it('encodes chunks as UTF-8 whatever the part sizes', () => {
    const items = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, s: 'ü'.repeat(i % 300), big: i === 7 ? 'x'.repeat(200_000) : '' }))
    const value = composite({ items: new RawJsonArray(items) })
    const bytes = Buffer.concat([...jsonChunks(value)])
    expect(bytes.toString('utf8')).toBe(toJsonText(value))
    expect(JSON.parse(bytes.toString('utf8')).items).toHaveLength(3000)
  })
})

describe('BagAccumulator', () => {
  it('merges many port ranges the way mergeRanges does', () => {
    const acc = new BagAccumulator()
    const all: PortRange[] = []
    for (let i = 0; i < 5000; i++) {
      const begin = 1000 + ((i * 7919) % 60000)
      const r = { begin, end: Math.min(65535, begin + (i % 5)) }
      all.push(r)
      acc.add({ cpus: 0.1, mem: 1, disk: 0, gpus: 0, ports: [r] })
    }
    const bag = acc.bag()
    expect(bag.ports).toEqual(mergeRanges(all))
    expect(bag.cpus).toBe(500)
  })
})
