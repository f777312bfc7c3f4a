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
})
