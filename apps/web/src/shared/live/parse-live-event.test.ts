import { describe, expect, it } from 'vitest'
import { parseLiveEvent } from './parse-live-event.ts'

describe('parseLiveEvent', () => {
  it('accepts a well-formed delta', () => {
    const ev = parseLiveEvent(JSON.stringify({ id: '7', at: 1, delta: { type: 'node.removed', nodeId: 'a-S1' } }))
    expect(ev?.delta).toEqual({ type: 'node.removed', nodeId: 'a-S1' })
  })
  it('accepts the dashboard hint the BFF coalesces changes into', () => {
    const ev = parseLiveEvent(JSON.stringify({ id: '8', at: 1, delta: { type: 'dashboard.changed', reasons: ['nodes'] } }))
    expect(ev?.delta.type).toBe('dashboard.changed')
  })
  it('drops malformed JSON, missing fields and unknown delta types', () => {
    expect(parseLiveEvent('{nope')).toBeNull()
    expect(parseLiveEvent(JSON.stringify({ id: 7, at: 1, delta: { type: 'resync' } }))).toBeNull()
    expect(parseLiveEvent(JSON.stringify({ id: '7', at: 1, delta: { type: 'weird' } }))).toBeNull()
    expect(parseLiveEvent('null')).toBeNull()
  })
})
