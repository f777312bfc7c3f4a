/**
 * Picks values out of a JSON document streamed as UTF-8 bytes, by path, without tokenizing the
 * rest: the bytes of each selected value are cut out and handed to `JSON.parse`, everything else
 * is stepped over byte by byte (only quotes, backslashes and brackets matter there).
 *
 * Why not a token-level streaming parser: on a 100,000-task SUBSCRIBED snapshot (~300 MB) one
 * allocated ~6 GB of tokens and partial values — 20× the input — which is what grew the BFF's
 * heap at start. Cutting whole tasks and parsing each natively allocates little more than the
 * tasks themselves; its throughput is within 2× of `JSON.parse` of the whole text
 * (`subscribed-stream.bench.ts`).
 *
 * A path is a dot-separated list of object keys, `*` standing for every element of an array:
 * `subscribed.get_state.get_tasks.tasks.*`. Keys are read only where a path still needs them;
 * selected values are whole JSON values (object, array, string, number, literal); `""` is the root.
 * A key that repeats emits each occurrence (`JSON.parse` would keep the last); when one path is a
 * prefix of another, the shorter one is emitted whole. The structure on the way to a selection is
 * checked strictly; skipped values are only scanned for their end (their content is not validated).
 */
import { joinBytes } from './recordio.ts'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09

/**
 * A container on the way to a selected path. `first`: just opened (a key or `}`, a value or `]`);
 * `key` / `value`: after a comma (no closing bracket allowed); `colon`; `comma`: after a member.
 */
interface Frame {
  array: boolean
  key: string
  expect: 'first' | 'key' | 'colon' | 'value' | 'comma'
}

/** Bytes a number or literal (`true`, `false`, `null`) may start with, and consist of. */
const isScalarStart = (b: number) => b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e
const isScalarByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2d || b === 0x2b || b === 0x2e

/** Scanning one value to its end: skipped, or captured for `path`. */
interface Scan {
  path: string | undefined
  depth: number
  inString: boolean
  escape: boolean
  scalar: boolean
  pieces: Uint8Array[]
}

export class JsonPathSplitter {
  private readonly paths: string[][]
  private readonly frames: Frame[] = []
  private scan: Scan | undefined
  private key: { pieces: Uint8Array[]; escape: boolean } | undefined
  private rootDone = false
  private readonly text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

  constructor(
    paths: readonly string[],
    private readonly onValue: (path: string, value: unknown) => void,
  ) {
    this.paths = paths.map((p) => (p === '' ? [] : p.split('.')))
  }

  /** Feeds the next bytes (a chunk may end anywhere, also inside a character). */
  write(chunk: Uint8Array): void {
    let i = 0
    const n = chunk.length
    while (i < n) {
      if (this.scan) {
        i = this.scanValue(chunk, i)
        continue
      }
      if (this.key) {
        i = this.readKey(chunk, i)
        continue
      }
      const b = chunk[i]!
      if (isSpace(b)) {
        i++
        continue
      }
      const f = this.frames.at(-1)
      if (!f) {
        if (this.rootDone) throw new SyntaxError(`JSON: unexpected "${String.fromCharCode(b)}" after the end of the document`)
        i += this.startValue(b)
        continue
      }
      switch (f.expect) {
        case 'first':
          if (b === (f.array ? CLOSE_ARRAY : CLOSE_OBJECT)) {
            this.pop()
            i++
          } else if (f.array) i += this.startValue(b)
          else if (b === QUOTE) {
            this.key = { pieces: [], escape: false }
            i++
          } else throw this.unexpected(b, 'a key or "}"')
          break
        case 'key':
          if (b !== QUOTE) throw this.unexpected(b, 'a key')
          this.key = { pieces: [], escape: false }
          i++
          break
        case 'colon':
          if (b !== COLON) throw this.unexpected(b, '":"')
          f.expect = 'value'
          i++
          break
        case 'value':
          i += this.startValue(b)
          break
        case 'comma':
          if (b === COMMA) f.expect = f.array ? 'value' : 'key'
          else if (b === (f.array ? CLOSE_ARRAY : CLOSE_OBJECT)) this.pop()
          else throw this.unexpected(b, '"," or the end of the container')
          i++
          break
      }
    }
  }

  /** The document must be complete. */
  end(): void {
    const s = this.scan
    if (s?.scalar && !s.inString && s.depth === 0 && this.frames.length === 0) this.finish()
    if (this.scan || this.key || this.frames.length > 0 || !this.rootDone) throw new SyntaxError('JSON: the document ended early')
  }

  private unexpected(b: number, wanted: string): SyntaxError {
    return new SyntaxError(`JSON: expected ${wanted}, got "${String.fromCharCode(b)}"`)
  }

  /** Whether the open frames spell the first `frames.length` segments of `p` (`*` only for an array, never for a key named "*"). */
  private onPath(p: string[]): boolean {
    return this.frames.every((f, j) => (p[j] === '*' ? f.array : !f.array && f.key === p[j]))
  }

  /**
   * Decides, at a value's first byte, whether it is selected, on the way to a selection, or
   * skipped; returns the bytes it consumed (1 when it opened a frame, 0 when a scan reads it).
   */
  private startValue(b: number): number {
    const parent = this.frames.at(-1)
    if (parent) parent.expect = 'comma'
    if (b !== QUOTE && b !== OPEN_OBJECT && b !== OPEN_ARRAY && !isScalarStart(b)) throw this.unexpected(b, 'a value')
    const depth = this.frames.length
    const selected = this.paths.find((p) => p.length === depth && this.onPath(p))
    if (selected) {
      this.scan = { path: selected.join('.'), depth: 0, inString: false, escape: false, scalar: false, pieces: [] }
      return 0
    }
    const onTheWay = this.paths.some((p) => p.length > depth && this.onPath(p))
    if (onTheWay && (b === OPEN_OBJECT || b === OPEN_ARRAY)) {
      this.frames.push({ array: b === OPEN_ARRAY, key: '', expect: 'first' })
      return 1
    }
    this.scan = { path: undefined, depth: 0, inString: false, escape: false, scalar: false, pieces: [] }
    return 0
  }

  private pop(): void {
    this.frames.pop()
    if (this.frames.length === 0) this.rootDone = true
  }

  /** Steps through the value being scanned from `i`; returns where it stopped (its end, or the chunk's). */
  private scanValue(chunk: Uint8Array, i: number): number {
    const s = this.scan!
    const start = i
    const n = chunk.length
    let end = -1
    for (; i < n; i++) {
      const b = chunk[i]!
      if (s.inString) {
        if (s.escape) s.escape = false
        else if (b === BACKSLASH) s.escape = true
        else if (b === QUOTE) {
          s.inString = false
          if (s.depth === 0) {
            end = i + 1
            break
          }
        }
        continue
      }
      if (s.scalar) {
        if (!isScalarByte(b)) {
          end = i
          break
        }
        continue
      }
      if (b === QUOTE) s.inString = true
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) s.depth++
      else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        s.depth--
        if (s.depth === 0) {
          end = i + 1
          break
        }
        if (s.depth < 0) throw this.unexpected(b, 'a value')
      } else if (s.depth === 0 && !isSpace(b)) s.scalar = true
    }
    if (s.path !== undefined) s.pieces.push(chunk.subarray(start, end < 0 ? n : end))
    if (end < 0) {
      // The value goes on in the next chunk; keep a copy of this piece (the caller may reuse its buffer).
      if (s.path !== undefined) s.pieces[s.pieces.length - 1] = s.pieces.at(-1)!.slice()
      return n
    }
    this.finish()
    return end
  }

  private finish(): void {
    const s = this.scan!
    this.scan = undefined
    if (this.frames.length === 0) this.rootDone = true
    if (s.path === undefined) return
    this.onValue(s.path, JSON.parse(this.text.decode(joinBytes(s.pieces))))
  }

  /** Reads an object key (after its opening quote) up to the closing quote. */
  private readKey(chunk: Uint8Array, i: number): number {
    const k = this.key!
    const start = i
    for (; i < chunk.length; i++) {
      const b = chunk[i]!
      if (k.escape) k.escape = false
      else if (b === BACKSLASH) k.escape = true
      else if (b === QUOTE) {
        k.pieces.push(chunk.subarray(start, i))
        const f = this.frames.at(-1)!
        f.key = JSON.parse(`"${this.text.decode(joinBytes(k.pieces))}"`) as string
        f.expect = 'colon'
        this.key = undefined
        return i + 1
      }
    }
    k.pieces.push(chunk.slice(start))
    return i
  }
}
