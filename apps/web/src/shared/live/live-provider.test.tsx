import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { LiveDelta, LiveEvent } from '@meridian/api'
import { LiveProvider } from './live-provider.tsx'
import { useLiveStatusStore } from './live-status-store.ts'

/** A stand-in for the browser EventSource: tests push SSE messages through `emit`. */
class FakeEventSource {
  static instances: FakeEventSource[] = []
  static readonly CLOSED = 2
  readyState = 0
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  closed = false
  private listeners = new Map<string, Array<(m: MessageEvent<string>) => void>>()
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this)
  }
  addEventListener(type: string, fn: (m: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn])
  }
  emit(type: string, data: string) {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data }))
  }
  close() {
    this.closed = true
  }
}

beforeEach(() => {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => vi.unstubAllGlobals())

const ev = (delta: LiveDelta, id = '1'): string => JSON.stringify({ id, at: 1, delta } satisfies LiveEvent)

describe('LiveProvider', () => {
  it('opens one stream, hands typed deltas to the reducer and tracks upstream status', () => {
    const seen: LiveDelta[] = []
    const qc = new QueryClient()
    const { unmount } = render(
      <QueryClientProvider client={qc}>
        <LiveProvider applyDelta={(_qc, d) => seen.push(d)}>
          <p>app</p>
        </LiveProvider>
      </QueryClientProvider>,
    )
    expect(FakeEventSource.instances).toHaveLength(1)
    const es = FakeEventSource.instances[0]!
    expect(es.url).toBe('/api/events')
    act(() => {
      es.onopen?.()
      es.emit('delta', ev({ type: 'node.removed', nodeId: 'a-S1' }))
      es.emit('delta', '{garbage')
      es.emit('delta', ev({ type: 'upstream.status', upstream: 'marathon', connected: false }, '2'))
    })
    expect(seen).toEqual([
      { type: 'node.removed', nodeId: 'a-S1' },
      { type: 'upstream.status', upstream: 'marathon', connected: false },
    ])
    expect(useLiveStatusStore.getState().status).toBe('open')
    expect(useLiveStatusStore.getState().downUpstreams).toEqual(['marathon'])
    unmount()
    expect(es.closed).toBe(true)
  })

  it('refetches everything on resync instead of calling the reducer', () => {
    const qc = new QueryClient()
    const spy = vi.spyOn(qc, 'invalidateQueries')
    const applyDelta = vi.fn()
    render(
      <QueryClientProvider client={qc}>
        <LiveProvider applyDelta={applyDelta}>
          <p>app</p>
        </LiveProvider>
      </QueryClientProvider>,
    )
    act(() => FakeEventSource.instances[0]!.emit('delta', ev({ type: 'resync', reason: 'too-old' })))
    expect(spy).toHaveBeenCalledWith()
    expect(applyDelta).not.toHaveBeenCalled()
  })
})
