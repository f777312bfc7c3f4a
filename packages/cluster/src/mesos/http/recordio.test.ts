import { describe, expect, it } from 'vitest'
import { encodeRecord, RecordIODecoder, RecordIOError } from './recordio.ts'

const text = (b: Uint8Array) => new TextDecoder().decode(b)

describe('RecordIO', () => {
  it('frames a payload with its byte length', () => {
    expect(text(encodeRecord('{"type":"HEARTBEAT"}'))).toBe('20\n{"type":"HEARTBEAT"}')
    expect(text(encodeRecord({ type: 'HEARTBEAT' }))).toBe('20\n{"type":"HEARTBEAT"}')
  })

  it('counts UTF-8 bytes, not characters', () => {
    const framed = text(encodeRecord('{"n":"é✓"}'))
    // é is 2 bytes, ✓ is 3 bytes: 8 ASCII + 5
    expect(framed).toBe('13\n{"n":"é✓"}')
  })

  it('decodes several records from one chunk', () => {
    const d = new RecordIODecoder()
    const both = new Uint8Array([...encodeRecord('{"a":1}'), ...encodeRecord('{"b":2}')])
    expect(d.pushText(both)).toEqual(['{"a":1}', '{"b":2}'])
    expect(d.bufferedBytes).toBe(0)
  })

  it('decodes records split at every byte, including inside the length and inside a multi-byte character', () => {
    const payloads = ['{"type":"SUBSCRIBED","x":"ü→𝄞"}', '{"type":"HEARTBEAT"}', '{}']
    const bytes = new Uint8Array(payloads.flatMap((p) => [...encodeRecord(p)]))
    const d = new RecordIODecoder()
    const out: string[] = []
    for (const b of bytes) out.push(...d.pushText(new Uint8Array([b])))
    expect(out).toEqual(payloads)
  })

  it('decodes across irregular chunk sizes', () => {
    const payloads = Array.from({ length: 50 }, (_, i) => JSON.stringify({ i, s: 'ж'.repeat(i) }))
    const bytes = new Uint8Array(payloads.flatMap((p) => [...encodeRecord(p)]))
    const d = new RecordIODecoder()
    const out: string[] = []
    for (let pos = 0, size = 1; pos < bytes.length; pos += size, size = (size * 7) % 23 + 1) out.push(...d.pushText(bytes.subarray(pos, pos + size)))
    expect(out).toEqual(payloads)
  })

  it('keeps a partial record until the rest arrives', () => {
    const d = new RecordIODecoder()
    expect(d.pushText(new TextEncoder().encode('7\n{"a"'))).toEqual([])
    expect(d.bufferedBytes).toBe(4)
    expect(d.pushText(new TextEncoder().encode(':1}'))).toEqual(['{"a":1}'])
  })

  it('accepts an empty record', () => {
    expect(new RecordIODecoder().pushText(new TextEncoder().encode('0\n2\n{}'))).toEqual(['', '{}'])
  })

  it('rejects a stream that is not RecordIO', () => {
    expect(() => new RecordIODecoder().push(new TextEncoder().encode('{"type":"HEARTBEAT"}\n'))).toThrow(RecordIOError)
    expect(() => new RecordIODecoder().push(new TextEncoder().encode('123456789012345678901234'))).toThrow(RecordIOError)
  })
})
