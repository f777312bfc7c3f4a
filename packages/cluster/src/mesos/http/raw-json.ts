/**
 * JSON assembly from pre-serialized fragments. A 100,000-task `/master/state` or GET_STATE is
 * mostly per-task JSON that rarely changes, so renderers cache each task's JSON text (see
 * render-cache.ts) and splice it into the response instead of rebuilding and re-stringifying
 * object graphs of hundreds of megabytes on every request.
 *
 * Only objects and arrays marked with `composite()` are walked here; every other value goes
 * through `JSON.stringify` whole, so the output is byte-for-byte what `JSON.stringify` of the
 * equivalent plain object would produce (same key order, `undefined` members dropped).
 */

/** A value already serialized as JSON text. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * A JSON array whose items are JSON texts. An item may hold several comma-separated elements
 * (e.g. the inner part of a task's Resource array); empty items are skipped.
 */
export class RawJsonArray {
  constructor(readonly items: readonly string[]) {}

  get isEmpty(): boolean {
    return this.items.every((i) => i === '')
  }
}

const COMPOSITE = Symbol('composite')

/** Marks an object or array as holding RawJson parts somewhere below it. */
export function composite<T extends object>(value: T): T {
  Object.defineProperty(value, COMPOSITE, { value: true, enumerable: false })
  return value
}

function isComposite(value: object): boolean {
  return (value as { [COMPOSITE]?: boolean })[COMPOSITE] === true
}

/** Appends the JSON text of `value` to `out` as a list of chunks (no giant intermediate string). */
export function writeJson(value: unknown, out: string[]): void {
  if (value instanceof RawJson) {
    out.push(value.text)
    return
  }
  if (value instanceof RawJsonArray) {
    let first = true
    out.push('[')
    for (const item of value.items) {
      if (item === '') continue
      // Separate pushes: `,${item}` would build a cons string per item that join() must flatten.
      if (!first) out.push(',')
      out.push(item)
      first = false
    }
    out.push(']')
    return
  }
  if (value !== null && typeof value === 'object' && isComposite(value)) {
    if (Array.isArray(value)) {
      out.push('[')
      value.forEach((item: unknown, i) => {
        if (i > 0) out.push(',')
        // JSON.stringify renders undefined/functions inside arrays as null.
        if (item === undefined || typeof item === 'function') out.push('null')
        else writeJson(item, out)
      })
      out.push(']')
      return
    }
    out.push('{')
    let first = true
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
      out.push(`${first ? '' : ','}${JSON.stringify(key)}:`)
      writeJson(item, out)
      first = false
    }
    out.push('}')
    return
  }
  out.push(JSON.stringify(value))
}

/** The whole JSON text as one string (tests, small responses, RecordIO frames). */
export function toJsonText(value: unknown): string {
  const out: string[] = []
  writeJson(value, out)
  return out.join('')
}

const CHUNK_BYTES = 256 * 1024

/**
 * UTF-8 chunks of ~256 KB for the JSON of `value`. Parts are written straight into each chunk
 * (Buffer#write) rather than joined into strings first: joining and re-encoding 300 MB costs
 * seconds, writing it once does not.
 */
export function* jsonChunks(value: unknown): Generator<Uint8Array> {
  const parts: string[] = []
  writeJson(value, parts)
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES)
  let used = 0
  for (const part of parts) {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (used + part.length * 3 > CHUNK_BYTES) {
      if (used > 0) {
        yield chunk.subarray(0, used)
        chunk = Buffer.allocUnsafe(CHUNK_BYTES)
        used = 0
      }
      if (part.length * 3 > CHUNK_BYTES) {
        yield Buffer.from(part, 'utf8')
        continue
      }
    }
    used += chunk.write(part, used, 'utf8')
  }
  if (used > 0) yield chunk.subarray(0, used)
}

/**
 * An `application/json` response. A body that fits one chunk is sent whole (with a
 * Content-Length, as libprocess sends); larger ones are streamed chunk by chunk, so a 300 MB
 * GET_STATE never exists as one string (V8 caps strings at ~512 M chars) and the first bytes
 * leave before the last are encoded.
 */
export function jsonStreamResponse(value: unknown, status = 200): Response {
  const headers = { 'Content-Type': 'application/json' }
  const chunks = jsonChunks(value)
  const first = chunks.next()
  if (first.done) return new Response('', { status, headers })
  const second = chunks.next()
  if (second.done) return new Response(first.value, { status, headers })
  const pending: Uint8Array[] = [first.value, second.value]
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const head = pending.shift()
      if (head) {
        controller.enqueue(head)
        return
      }
      const next = chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
  })
  return new Response(body, { status, headers })
}
