import { describe, expect, it } from 'vitest'
import { RecordIoDecoder, encodeRecord } from './recordio.ts'

describe('RecordIoDecoder', () => {
  it('decodes records split at every byte boundary, counting UTF-8 bytes', () => {
    const payloads = ['{"type":"HEARTBEAT"}', '{"type":"TASK_ADDED","name":"żółw ☃"}', '{}']
    const bytes = new Uint8Array(payloads.flatMap((p) => [...encodeRecord(p)]))
    expect(new TextDecoder().decode(bytes.subarray(0, 3))).toBe('20\n')
    for (let split = 1; split < bytes.length; split++) {
      const d = new RecordIoDecoder()
      const out = [...d.decode(bytes.subarray(0, split)), ...d.decode(bytes.subarray(split))]
      expect(out).toEqual(payloads)
      expect(d.pending).toBe(0)
    }
  })

  it('rejects a non-numeric length header', () => {
    expect(() => new RecordIoDecoder().decode(new TextEncoder().encode('abc\n{}'))).toThrow(/bad length/)
  })

  it('decodes a stream fed one byte at a time, including an empty record', () => {
    const payloads = ['{"a":1}', '', '{"b":"☃"}']
    const bytes = new Uint8Array(payloads.flatMap((p) => [...encodeRecord(p)]))
    const d = new RecordIoDecoder()
    const out: string[] = []
    for (let i = 0; i < bytes.length; i++) out.push(...d.decode(bytes.subarray(i, i + 1)))
    expect(out).toEqual(payloads)
  })

  it('hands on records above the large-record limit in pieces instead of assembling them', () => {
    const big = JSON.stringify({ type: 'SUBSCRIBED', pad: 'x'.repeat(100) })
    const bytes = new Uint8Array([...encodeRecord('{"small":1}'), ...encodeRecord(big), ...encodeRecord('{"after":2}')])
    const d = new RecordIoDecoder(50)
    const parts = []
    for (let i = 0; i < bytes.length; i += 7) parts.push(...d.parts(bytes.subarray(i, i + 7)))
    expect(parts[0]).toEqual({ kind: 'record', text: '{"small":1}' })
    expect(parts[1]).toEqual({ kind: 'large-start', length: big.length })
    const chunks = parts.filter((p) => p.kind === 'large-chunk')
    expect(chunks.length).toBeGreaterThan(1)
    expect(new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c.bytes])))).toBe(big)
    expect(parts.at(-2)).toEqual({ kind: 'large-end' })
    expect(parts.at(-1)).toEqual({ kind: 'record', text: '{"after":2}' })
    expect(() => new RecordIoDecoder(50).decode(bytes)).toThrow(/too large/)
  })

  it('rejects a length header that never ends', () => {
    expect(() => new RecordIoDecoder().decode(new TextEncoder().encode('1'.repeat(30)))).toThrow(/too long/)
  })
})
