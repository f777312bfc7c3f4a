/**
 * Mesos RecordIO framing (docs/recordio.md): each record is the decimal byte length of the
 * payload, a line feed, then exactly that many bytes. No header, no trailing newline. The
 * length counts UTF-8 bytes, not characters, and chunk boundaries are arbitrary, so the
 * decoder buffers bytes and only decodes text once a whole record is in hand.
 *
 * Pure and dependency-free: the BFF's Mesos adapter reuses the decoder for SUBSCRIBE.
 */
const encoder = new TextEncoder()
const LF = 0x0a

/** Frames one payload (a JSON string or an object to stringify) as a RecordIO record. */
export function encodeRecord(payload: string | object): Uint8Array {
  const body = encoder.encode(typeof payload === 'string' ? payload : JSON.stringify(payload))
  const head = encoder.encode(`${body.byteLength}\n`)
  const out = new Uint8Array(head.byteLength + body.byteLength)
  out.set(head, 0)
  out.set(body, head.byteLength)
  return out
}

/** Thrown when the stream is not RecordIO (a non-digit length, or a length that is too long). */
export class RecordIOError extends Error {
  override readonly name = 'RecordIOError'
}

/** Longest length prefix accepted: uint64 has 20 decimal digits. */
const MAX_LENGTH_DIGITS = 20

/**
 * Incremental decoder: feed it chunks as they arrive, get back every record completed so far.
 * `push` returns raw bytes; `pushText` decodes each record as UTF-8.
 */
export class RecordIODecoder {
  private buffer = new Uint8Array(0)
  /** Payload length of the record being read, once its header line has been parsed. */
  private pending: number | undefined
  private readonly textDecoder = new TextDecoder('utf-8', { fatal: false })

  push(chunk: Uint8Array): Uint8Array[] {
    this.append(chunk)
    const records: Uint8Array[] = []
    let pos = 0
    for (;;) {
      if (this.pending === undefined) {
        const lf = this.buffer.indexOf(LF, pos)
        if (lf < 0) {
          if (this.buffer.byteLength - pos > MAX_LENGTH_DIGITS) throw new RecordIOError('RecordIO length prefix too long')
          break
        }
        this.pending = parseLength(this.buffer.subarray(pos, lf))
        pos = lf + 1
      }
      if (this.buffer.byteLength - pos < this.pending) break
      records.push(this.buffer.slice(pos, pos + this.pending))
      pos += this.pending
      this.pending = undefined
    }
    this.buffer = this.buffer.slice(pos)
    return records
  }

  pushText(chunk: Uint8Array): string[] {
    return this.push(chunk).map((r) => this.textDecoder.decode(r))
  }

  /** Bytes received but not yet part of a complete record (0 at a clean record boundary). */
  get bufferedBytes(): number {
    return this.buffer.byteLength
  }

  private append(chunk: Uint8Array): void {
    if (this.buffer.byteLength === 0) {
      this.buffer = chunk.slice()
      return
    }
    const next = new Uint8Array(this.buffer.byteLength + chunk.byteLength)
    next.set(this.buffer, 0)
    next.set(chunk, this.buffer.byteLength)
    this.buffer = next
  }
}

function parseLength(bytes: Uint8Array): number {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_LENGTH_DIGITS) throw new RecordIOError('Malformed RecordIO length prefix')
  let n = 0
  for (const b of bytes) {
    if (b < 0x30 || b > 0x39) throw new RecordIOError(`Malformed RecordIO length prefix '${new TextDecoder().decode(bytes)}'`)
    n = n * 10 + (b - 0x30)
  }
  if (!Number.isSafeInteger(n)) throw new RecordIOError('RecordIO record too large')
  return n
}
