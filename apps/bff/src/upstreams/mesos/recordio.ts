/**
 * Decoder for Mesos RecordIO (docs/recordio.md): `<decimal byte length>\n<payload>` repeated,
 * no separators, lengths count UTF-8 bytes, chunk boundaries arbitrary. Kept here (not
 * imported from the cluster package) because the BFF reaches the cluster over HTTP only.
 *
 * Linear in the bytes fed: chunks of a record are kept as a list and joined once. A record
 * longer than `largeRecordBytes` is not assembled at all but handed on in pieces
 * (`large-start`, `large-chunk`..., `large-end`), so a caller can parse it as a stream — the
 * SUBSCRIBED snapshot of a 100,000-task master is a single ~300 MB record.
 */
export type RecordPart = { kind: 'record'; text: string } | { kind: 'large-start'; length: number } | { kind: 'large-chunk'; bytes: Uint8Array } | { kind: 'large-end' }

const MAX_HEADER = 20

export class RecordIoDecoder {
  private readonly text = new TextDecoder()
  private header = ''
  /** payload bytes still expected for the record being read (undefined: reading a header) */
  private remaining: number | undefined
  private large = false
  private pieces: Uint8Array[] = []
  private buffered = 0

  constructor(private readonly largeRecordBytes = Number.POSITIVE_INFINITY) {}

  /** Feeds bytes; returns the complete small records and the pieces of large ones, in order. */
  parts(chunk: Uint8Array): RecordPart[] {
    const out: RecordPart[] = []
    let data = chunk
    while (data.length > 0 || this.remaining === 0) {
      if (this.remaining === undefined) {
        const nl = data.indexOf(0x0a)
        if (nl < 0) {
          this.header += this.text.decode(data)
          if (this.header.length > MAX_HEADER) throw new Error('RecordIO: length header too long')
          break
        }
        const header = this.header + this.text.decode(data.subarray(0, nl))
        this.header = ''
        if (!/^\d+$/.test(header)) throw new Error(`RecordIO: bad length header "${header.slice(0, 20)}"`)
        const length = Number(header)
        data = data.subarray(nl + 1)
        this.remaining = length
        this.large = length > this.largeRecordBytes
        if (this.large) out.push({ kind: 'large-start', length })
        continue
      }
      const take = Math.min(this.remaining, data.length)
      if (take > 0) {
        const piece = data.subarray(0, take)
        if (this.large) out.push({ kind: 'large-chunk', bytes: piece })
        else {
          this.pieces.push(piece)
          this.buffered += take
        }
        this.remaining -= take
        data = data.subarray(take)
      }
      if (this.remaining === 0) {
        if (this.large) out.push({ kind: 'large-end' })
        else out.push({ kind: 'record', text: this.text.decode(joinBytes(this.pieces, this.buffered)) })
        this.pieces = []
        this.buffered = 0
        this.remaining = undefined
        this.large = false
      }
    }
    return out
  }

  /** Feeds bytes; returns the complete records they finish, as strings (no large records). */
  decode(chunk: Uint8Array): string[] {
    const out: string[] = []
    for (const p of this.parts(chunk)) {
      if (p.kind !== 'record') throw new Error('RecordIO: record too large to assemble')
      out.push(p.text)
    }
    return out
  }

  /** Bytes waiting for the rest of a record. */
  get pending(): number {
    return this.buffered + this.header.length
  }
}

/** The pieces as one array (the piece itself when there is one); `length` when the caller has summed them. */
export function joinBytes(pieces: readonly Uint8Array[], length = pieces.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (pieces.length === 1) return pieces[0]!
  const out = new Uint8Array(length)
  let at = 0
  for (const p of pieces) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** Encodes one record (tests and fixtures). */
export function encodeRecord(payload: string): Uint8Array {
  const bytes = new TextEncoder().encode(payload)
  const head = new TextEncoder().encode(`${bytes.length}\n`)
  return joinBytes([head, bytes], head.length + bytes.length)
}
