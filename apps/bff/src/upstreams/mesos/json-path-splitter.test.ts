import { describe, expect, it } from 'vitest'
import { JsonPathSplitter } from './json-path-splitter.ts'

const bytes = (s: string) => new TextEncoder().encode(s)

/** Runs the splitter over `doc` cut into the given chunks; returns what it selected, in order. */
function select(doc: Uint8Array, paths: string[], cuts: number[] = []): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = []
  const s = new JsonPathSplitter(paths, (path, value) => out.push([path, value]))
  let at = 0
  for (const cut of [...cuts, doc.length]) {
    s.write(doc.subarray(at, cut))
    at = cut
  }
  s.end()
  return out
}

const doc = {
  type: 'SUBSCRIBED',
  subscribed: {
    get_state: {
      get_agents: { agents: [{ note: 'skip me: } ] { [ "quoted \\" \\\\' }] },
      get_tasks: {
        tasks: [
          { task_id: { value: 'a.1' }, name: 'ünïcødé 🚀 "q" \\ / \n', labels: [{ key: '}', value: ']' }], n: -1.5e3, ok: true, none: null },
          { task_id: { value: 'a.2' }, nested: [[1, [2, { x: [] }]], {}] },
        ],
        completed_tasks: [],
      },
      'key with \\"escape': 1,
    },
    heartbeat_interval_seconds: 15,
  },
}
const PATHS = ['type', 'subscribed.heartbeat_interval_seconds', 'subscribed.get_state.get_tasks.tasks.*', 'subscribed.get_state.get_tasks.completed_tasks.*']
const expected: Array<[string, unknown]> = [
  ['type', 'SUBSCRIBED'],
  ['subscribed.get_state.get_tasks.tasks.*', doc.subscribed.get_state.get_tasks.tasks[0]],
  ['subscribed.get_state.get_tasks.tasks.*', doc.subscribed.get_state.get_tasks.tasks[1]],
  ['subscribed.heartbeat_interval_seconds', 15],
]

describe('JsonPathSplitter', () => {
  it('selects values by path, skipping the rest, in document order', () => {
    expect(select(bytes(JSON.stringify(doc)), PATHS)).toEqual(expected)
  })

  it('gives the same result for every cut of the input into two chunks, also inside multi-byte characters and escapes', () => {
    const text = bytes(JSON.stringify(doc, null, 1))
    for (let cut = 0; cut <= text.length; cut++) expect(select(text, PATHS, [cut]), `cut at ${cut}`).toEqual(expected)
  })

  it('gives the same result fed one byte at a time', () => {
    const text = bytes(JSON.stringify(doc))
    expect(select(text, PATHS, Array.from({ length: text.length }, (_, i) => i))).toEqual(expected)
  })

  it('selects scalars and whole containers, at the root too', () => {
    expect(select(bytes(' 42 '), [''])).toEqual([['', 42]])
    expect(select(bytes('[1,"two",{"three":3}]'), ['*'])).toEqual([['*', 1], ['*', 'two'], ['*', { three: 3 }]])
    expect(select(bytes('{"a":{"b":[true,false]},"c":null}'), ['a.b', 'c'])).toEqual([['a.b', [true, false]], ['c', null]])
    expect(select(bytes('{"a":{"b":[]},"b":{}}'), ['a.b.*', 'b.*'])).toEqual([])
  })

  it('does not read keys inside values it skips (a same-named key deeper down is not selected)', () => {
    expect(select(bytes('{"x":{"type":"inner"},"type":"outer"}'), ['type'])).toEqual([['type', 'outer']])
  })

  it('matches "*" only against array elements, and keys byte for byte (a leading BOM is part of the key)', () => {
    expect(select(bytes('{"tasks":{"*":5},"list":[6]}'), ['tasks.*', 'list.*'])).toEqual([['list.*', 6]])
    expect(select(bytes('{"\uFEFFa":1,"a":2}'), ['a'])).toEqual([['a', 2]])
  })

  it('rejects malformed or truncated documents', () => {
    // Missing values and members run together, also next to skipped ones.
    expect(() => select(bytes('{"x":,"a":1}'), ['a'])).toThrow(/expected a value/)
    expect(() => select(bytes('{"x":1"a":2}'), ['a'])).toThrow(/expected ","/)
    expect(() => select(bytes('{"x":1:2,"a":3}'), ['a'])).toThrow(/expected ","/)
    // Trailing commas in the containers on the way.
    expect(() => select(bytes('{"a":[1,]}'), ['a.*'])).toThrow(/expected a value/)
    expect(() => select(bytes('{"a":1,}'), ['a'])).toThrow(/expected a key/)

    expect(() => select(bytes('{"type" "x"}'), ['type'])).toThrow(/expected ":"/)
    expect(() => select(bytes('{"a":1 "b":2}'), ['a'])).toThrow(/expected ","/)
    expect(() => select(bytes('{"a":[1,2'), ['a.*'])).toThrow(/ended early/)
    expect(() => select(bytes('{"a":{"b":1'), ['c'])).toThrow(/ended early/)
    expect(() => select(bytes('{"a":1}{'), ['a'])).toThrow(/after the end/)
    expect(() => select(bytes('{"a":[tru]}'), ['a.*'])).toThrow(SyntaxError)
    expect(() => select(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), ['a'])).toThrow(TypeError) // invalid UTF-8
  })
})
