import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import type { LiveDelta, LiveEvent } from '@meridian/api'
import { LiveProvider } from './live-provider.tsx'
import { useLiveStatusStore } from './live-status-store.ts'
import { FakeEventSource } from './fake-event-source.ts'
import { closeAllStreams } from './open-streams.ts'
import { LiveDegradedBanner } from './live-degraded-banner.tsx'

beforeEach(() => {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const ev = (delta: LiveDelta, id = '1'): string => JSON.stringify({ id, at: 1, delta } satisfies LiveEvent)

describe('LiveProvider', () => {
  it('opens one stream, hands typed deltas to the reducer and tracks upstream status', async () => {
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
      es.open()
      es.emit('delta', ev({ type: 'node.removed', nodeId: 'a-S1' }))
      es.emit('delta', '{garbage')
      es.emit('delta', ev({ type: 'upstream.status', upstream: 'marathon', connected: false }, '2'))
    })
    await waitFor(() =>
      expect(seen).toEqual([
        { type: 'node.removed', nodeId: 'a-S1' },
        { type: 'upstream.status', upstream: 'marathon', connected: false },
      ]),
    )
    expect(useLiveStatusStore.getState().status).toBe('open')
    expect(useLiveStatusStore.getState().downUpstreams).toEqual(['marathon'])
    unmount()
    expect(es.closed).toBe(true)
  })

  it('refetches everything on resync instead of calling the reducer', async () => {
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
    await waitFor(() => expect(spy).toHaveBeenCalledWith())
    expect(applyDelta).not.toHaveBeenCalled()
  })

  it('applies a burst of deltas once per animation frame: every delta in order, one render', async () => {
    const qc = new QueryClient()
    qc.setQueryData(['count'], 0)
    let renders = 0
    function Count() {
      const { data } = useQuery({ queryKey: ['count'], queryFn: () => 0, staleTime: Infinity })
      renders += 1
      return <p>count {data}</p>
    }
    const order: string[] = []
    const applyDelta = vi.fn((client: QueryClient, d: LiveDelta) => {
      if (d.type === 'node.removed') order.push(d.nodeId)
      client.setQueryData<number>(['count'], (n) => (n ?? 0) + 1)
    })
    render(
      <QueryClientProvider client={qc}>
        <LiveProvider applyDelta={applyDelta}>
          <Count />
        </LiveProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('count 0')
    const es = FakeEventSource.instances[0]!
    const before = renders
    // Each SSE message is its own browser task; applied one by one, each would render.
    for (let i = 0; i < 100; i++) act(() => es.emit('delta', ev({ type: 'node.removed', nodeId: `a-S${i}` }, String(i))))
    expect(applyDelta).not.toHaveBeenCalled()
    await screen.findByText('count 100')
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => `a-S${i}`))
    expect(renders - before).toBe(1)
  })

  it('reopens with backoff after the browser gives up on a non-200 answer, resuming from the last event id', () => {
    vi.useFakeTimers()
    const onRefused = vi.fn()
    const applyDelta = vi.fn()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LiveProvider applyDelta={applyDelta} onRefused={onRefused}>
          <p>app</p>
        </LiveProvider>
      </QueryClientProvider>,
    )
    const first = FakeEventSource.instances[0]!
    act(() => {
      first.open()
      first.emit('ready', JSON.stringify({ lastEventId: '40' }), '40')
      first.emit('delta', ev({ type: 'node.removed', nodeId: 'a-S1' }, '41'), '41')
    })
    // A network blip: EventSource retries by itself (with Last-Event-ID); nothing to do here.
    act(() => first.drop())
    expect(useLiveStatusStore.getState().status).toBe('reconnecting')
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(onRefused).not.toHaveBeenCalled()
    // The BFF answers 401 (session expired): EventSource gives up for good.
    act(() => first.refuse())
    expect(onRefused).toHaveBeenCalledTimes(1)
    expect(first.closed).toBe(true)
    expect(useLiveStatusStore.getState().status).toBe('reconnecting')
    act(() => vi.advanceTimersByTime(400))
    expect(FakeEventSource.instances).toHaveLength(1) // not before the backoff (≥ 500 ms)
    act(() => vi.advanceTimersByTime(700))
    expect(FakeEventSource.instances).toHaveLength(2)
    const second = FakeEventSource.instances[1]!
    expect(second.url).toBe('/api/events?lastEventId=41')
    // Refused again: the next wait is longer (1–2 s).
    act(() => second.refuse())
    act(() => vi.advanceTimersByTime(900))
    expect(FakeEventSource.instances).toHaveLength(2)
    act(() => vi.advanceTimersByTime(1200))
    expect(FakeEventSource.instances).toHaveLength(3)
    // Once a stream opens, the backoff starts over.
    const third = FakeEventSource.instances[2]!
    act(() => {
      third.open()
      third.refuse()
    })
    act(() => vi.advanceTimersByTime(1000))
    expect(FakeEventSource.instances).toHaveLength(4)
    expect(onRefused).toHaveBeenCalledTimes(3)
  })

  it('signing out (closeAllStreams) closes the stream and cancels a pending reopen', () => {
    vi.useFakeTimers()
    const { unmount } = render(
      <QueryClientProvider client={new QueryClient()}>
        <LiveProvider applyDelta={vi.fn()}>
          <p>app</p>
        </LiveProvider>
      </QueryClientProvider>,
    )
    act(() => FakeEventSource.instances[0]!.refuse())
    act(() => closeAllStreams())
    act(() => vi.advanceTimersByTime(60_000))
    expect(FakeEventSource.instances).toHaveLength(1)
    expect(FakeEventSource.open()).toHaveLength(0)
    expect(useLiveStatusStore.getState().status).toBe('closed')
    unmount()
  })
})

describe('LiveDegradedBanner', () => {
  it('names the upstreams the BFF reports down, and goes away when they are back', () => {
    useLiveStatusStore.setState({ downUpstreams: [] })
    const { container } = render(<LiveDegradedBanner />)
    expect(container.textContent).toBe('')
    act(() => useLiveStatusStore.getState().upstreamReported('mesos', false))
    act(() => useLiveStatusStore.getState().upstreamReported('marathon', false))
    expect(screen.getByRole('status', { name: 'Live updates degraded' }).textContent).toContain('Mesos and Marathon are interrupted')
    act(() => useLiveStatusStore.getState().upstreamReported('mesos', true))
    expect(screen.getByRole('status').textContent).toContain('from Marathon are')
    act(() => useLiveStatusStore.getState().upstreamReported('marathon', true))
    expect(screen.queryByRole('status')).toBeNull()
  })
})
