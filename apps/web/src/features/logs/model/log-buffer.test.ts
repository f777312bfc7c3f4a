import { describe, expect, it } from 'vitest'
import { appendChunk, fromTail, prependChunk } from './log-buffer.ts'

describe('log buffer', () => {
  const tail = fromTail({ offset: 100, data: 'line 3\nline 4\n', hasMoreBefore: true })

  it('appends followed chunks by byte offset and ignores replays', () => {
    const a = appendChunk(tail, { offset: 114, data: 'line 5\n' })
    expect(a.text).toBe('line 3\nline 4\nline 5\n')
    expect(a.end).toBe(121)
    expect(appendChunk(a, { offset: 114, data: 'line 5\n' })).toBe(a)
    // overlapping chunk: only the new bytes are added
    expect(appendChunk(a, { offset: 114, data: 'line 5\nline 6\n' }).text).toBe('line 3\nline 4\nline 5\nline 6\n')
  })
  it('counts bytes, not UTF-16 units', () => {
    const b = fromTail({ offset: 0, data: 'héllo\n', hasMoreBefore: false })
    expect(b.end).toBe(7)
    expect(appendChunk(b, { offset: 7, data: 'ok\n' }).text).toBe('héllo\nok\n')
  })
  it('starts over when the file was truncated', () => {
    const r = appendChunk(tail, { offset: 0, data: 'fresh\n' })
    expect(r.text).toBe('fresh\n')
    expect(r.start).toBe(0)
  })
  it('prepends the older page that ends where the buffer starts', () => {
    const p = prependChunk(tail, { offset: 86, data: 'line 1\nline 2\n', hasMoreBefore: false })
    expect(p.text.startsWith('line 1\n')).toBe(true)
    expect(p.start).toBe(86)
    expect(p.hasMoreBefore).toBe(false)
    expect(prependChunk(tail, { offset: 0, data: 'x', hasMoreBefore: false })).toBe(tail)
  })
  it('drops the oldest text past the limit while following', () => {
    const small = fromTail({ offset: 0, data: 'aaaa', hasMoreBefore: false }, 6)
    const r = appendChunk(small, { offset: 4, data: 'bbbb' })
    expect(r.text).toBe('aabbbb')
    expect(r.start).toBe(2)
    expect(r.hasMoreBefore).toBe(true)
  })
})
