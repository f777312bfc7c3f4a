/**
 * Decoder for Mesos RecordIO (docs/recordio.md): `<decimal byte length>\n<payload>` repeated,
 * no separators, lengths count UTF-8 bytes, chunk boundaries arbitrary. Kept here (not
 * imported from the cluster package) because the BFF reaches the cluster over HTTP only.
 */
export class RecordIoDecoder {
  private buffer: Uint8Array = new Uint8Array(0)
  private readonly text = new TextDecoder()

  /** Feeds bytes; returns the complete records they finish, as strings. */
  decode(chunk: Uint8Array): string[] {
    this.buffer = concat(this.buffer, chunk)
    const records: string[] = []
    let pos = 0
    for (;;) {
      const nl = this.buffer.indexOf(0x0a, pos)
      if (nl < 0) break
      const header = this.text.decode(this.buffer.subarray(pos, nl))
      if (!/^\d+$/.test(header)) throw new Error(`RecordIO: bad length header "${header.slice(0, 20)}"`)
      const length = Number(header)
      if (nl + 1 + length > this.buffer.length) break
      records.push(this.text.decode(this.buffer.subarray(nl + 1, nl + 1 + length)))
      pos = nl + 1 + length
    }
    this.buffer = this.buffer.slice(pos)
    if (this.buffer.length > 0 && this.buffer.indexOf(0x0a) < 0 && this.buffer.length > 20) throw new Error('RecordIO: length header too long')
    return records
  }

  /** Bytes waiting for the rest of a record. */
  get pending(): number {
    return this.buffer.length
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

/** Encodes one record (tests and fixtures). */
export function encodeRecord(payload: string): Uint8Array {
  const bytes = new TextEncoder().encode(payload)
  return concat(new TextEncoder().encode(`${bytes.length}\n`), bytes)
}
