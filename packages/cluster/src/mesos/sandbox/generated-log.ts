/**
 * A log file whose content is a pure function of its spec and the simulated time: nothing is
 * stored, so 100,000 sandboxes cost nothing until someone reads one.
 *
 * Layout: a header (any UTF-8), then one body line every `intervalMs` from `startMs` until
 * `endMs` (or now), each exactly `lineWidth` ASCII bytes including the newline, then an
 * optional footer once the writer has stopped. Fixed-width body lines make size and
 * offset→line arithmetic O(1), so reading any window of a day-long log is cheap.
 */
export interface GeneratedLogSpec {
  header: string
  /** bytes per body line including '\n' */
  lineWidth: number
  startMs: number
  /** when the writer stopped (task ended); undefined while it still runs */
  endMs?: number
  intervalMs: number
  /** body line i (without newline), written at `atMs`; padded/cut to lineWidth-1 ASCII chars */
  line(i: number, atMs: number): string
  /** written after the body once endMs is set */
  footer?: string
}

export class GeneratedLog {
  private readonly header: Buffer
  private readonly footer: Buffer
  private readonly lines: number

  constructor(
    private readonly spec: GeneratedLogSpec,
    nowMs: number,
  ) {
    this.header = Buffer.from(spec.header, 'utf8')
    const until = Math.min(nowMs, spec.endMs ?? nowMs)
    this.lines = until < spec.startMs ? 0 : Math.floor((until - spec.startMs) / spec.intervalMs)
    this.footer = spec.endMs !== undefined && nowMs >= spec.endMs && spec.footer ? Buffer.from(spec.footer, 'utf8') : Buffer.alloc(0)
  }

  get size(): number {
    return this.header.byteLength + this.lines * this.spec.lineWidth + this.footer.byteLength
  }

  /** Time of the last write, ms. */
  get mtimeMs(): number {
    if (this.lines === 0) return this.spec.startMs
    return Math.max(this.spec.startMs + this.lines * this.spec.intervalMs, this.footer.byteLength > 0 ? (this.spec.endMs ?? 0) : 0)
  }

  /** Bytes [offset, offset+length) clipped to the file. */
  read(offset: number, length: number): Buffer {
    const end = Math.min(this.size, offset + length)
    if (offset >= end) return Buffer.alloc(0)
    const parts: Buffer[] = []
    const h = this.header.byteLength
    const bodyEnd = h + this.lines * this.spec.lineWidth
    if (offset < h) parts.push(this.header.subarray(offset, Math.min(h, end)))
    if (end > h && offset < bodyEnd) {
      const from = Math.max(offset, h) - h
      const to = Math.min(end, bodyEnd) - h
      const first = Math.floor(from / this.spec.lineWidth)
      const last = Math.ceil(to / this.spec.lineWidth)
      let text = ''
      for (let i = first; i < last; i++) text += this.bodyLine(i)
      const base = first * this.spec.lineWidth
      parts.push(Buffer.from(text.slice(from - base, to - base), 'latin1'))
    }
    if (end > bodyEnd) parts.push(this.footer.subarray(Math.max(0, offset - bodyEnd), end - bodyEnd))
    return Buffer.concat(parts)
  }

  private bodyLine(i: number): string {
    const raw = this.spec.line(i, this.spec.startMs + (i + 1) * this.spec.intervalMs)
    // Keep the arithmetic exact: ASCII only, fixed width.
    const ascii = raw.replace(/[^\x20-\x7e]/g, '?')
    const width = this.spec.lineWidth - 1
    return (ascii.length >= width ? ascii.slice(0, width) : ascii.padEnd(width, ' ')) + '\n'
  }
}
