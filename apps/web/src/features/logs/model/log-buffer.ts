/**
 * The log viewer's buffer: a contiguous byte range [start, end) of one sandbox file. Chunks
 * from the tail, from "load older" and from the follow stream are merged by byte offset, so
 * a replayed or overlapping chunk (EventSource reconnect with Last-Event-ID) never duplicates.
 */
export interface LogBuffer {
  text: string
  /** byte offset of text[0] in the file */
  start: number
  /** byte offset just past the last byte held */
  end: number
  hasMoreBefore: boolean
  /** cap on bytes kept while following, oldest dropped first */
  limit: number
}

const enc = new TextEncoder()
const byteLength = (s: string) => enc.encode(s).length

export function emptyBuffer(limit = 2 * 1024 * 1024): LogBuffer {
  return { text: '', start: 0, end: 0, hasMoreBefore: false, limit }
}

/** Replaces the buffer with the tail page. */
export function fromTail(chunk: { offset: number; data: string; hasMoreBefore: boolean }, limit?: number): LogBuffer {
  const b = emptyBuffer(limit)
  return { ...b, text: chunk.data, start: chunk.offset, end: chunk.offset + byteLength(chunk.data), hasMoreBefore: chunk.hasMoreBefore }
}

/** Appends a followed chunk; bytes already held are skipped, a gap or truncation resets. */
export function appendChunk(b: LogBuffer, chunk: { offset: number; data: string }): LogBuffer {
  const bytes = enc.encode(chunk.data)
  const chunkEnd = chunk.offset + bytes.length
  if (chunkEnd <= b.end && chunk.offset >= b.start) return b
  if (chunk.offset > b.end || chunk.offset < b.start) {
    // Rotated/truncated file (offset went back) or a gap: show what we got from here on.
    return { ...b, text: chunk.data, start: chunk.offset, end: chunkEnd, hasMoreBefore: chunk.offset > 0 }
  }
  const fresh = new TextDecoder().decode(bytes.slice(b.end - chunk.offset))
  let text = b.text + fresh
  let start = b.start
  let hasMoreBefore = b.hasMoreBefore
  if (text.length > b.limit) {
    const drop = text.length - b.limit
    start += byteLength(text.slice(0, drop))
    text = text.slice(drop)
    hasMoreBefore = true
  }
  return { ...b, text, start, end: chunkEnd, hasMoreBefore }
}

/** Prepends an older page that ends where the buffer starts. */
export function prependChunk(b: LogBuffer, chunk: { offset: number; data: string; hasMoreBefore: boolean }): LogBuffer {
  const chunkEnd = chunk.offset + byteLength(chunk.data)
  if (chunkEnd !== b.start) return b
  return { ...b, text: chunk.data + b.text, start: chunk.offset, hasMoreBefore: chunk.hasMoreBefore }
}
