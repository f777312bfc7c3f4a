/**
 * One EventSource per tab on `/api/events`. Each typed delta goes to `applyDelta` (composed in
 * app/ from the features' pure reducers) which writes the query cache, batched per animation frame. EventSource reconnects by
 * itself after a network error and sends `Last-Event-ID`, so the BFF can replay or answer
 * `resync`. After a non-200 answer (e.g. 401 once the session expired) it gives up for good
 * (readyState CLOSED): then `onRefused` runs (the app re-checks the session, which shows the login
 * page on 401) and the stream is reopened with backoff, resuming from the last event id.
 */
import { useEffect, useRef, type ReactNode } from 'react'
import { notifyManager, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type * as Api from '@meridian/api'
import type { LiveDelta } from '@meridian/api'
import { createFrameBatcher } from './frame-batcher.ts'
import { parseLiveEvent } from './parse-live-event.ts'
import { useLiveStatusStore } from './live-status-store.ts'
import { trackStream } from './open-streams.ts'
import { reconnectDelay } from './reconnect-delay.ts'

// Checked against the shared constant; a value import would pull zod into the shell chunk.
const LIVE_EVENT_NAME: typeof Api.LIVE_EVENT_NAME = 'delta'

export type ApplyDelta = (qc: QueryClient, delta: LiveDelta) => void

export function LiveProvider({ url = '/api/events', applyDelta, onRefused, children }: { url?: string; applyDelta: ApplyDelta; onRefused?: () => void; children: ReactNode }) {
  const qc = useQueryClient()
  const onRefusedRef = useRef(onRefused)
  useEffect(() => {
    onRefusedRef.current = onRefused
  })
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const { statusChanged, upstreamReported } = useLiveStatusStore.getState()
    let es: EventSource | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    let attempt = 0
    let lastEventId: string | undefined
    let closed = false
    const apply = (delta: LiveDelta) => {
      if (delta.type === 'upstream.status') upstreamReported(delta.upstream, delta.connected)
      if (delta.type === 'resync') {
        void qc.invalidateQueries()
        return
      }
      applyDelta(qc, delta)
    }
    // Deltas are applied once per animation frame, all in one cache notification batch: a burst
    // of 1,000 updates a second then renders at most once per frame, not once per message.
    const deltas = createFrameBatcher<LiveDelta>((batch) => notifyManager.batch(() => batch.forEach(apply)))
    const connect = () => {
      // A new EventSource sends no Last-Event-ID header; the BFF takes the same position as a query parameter.
      const src = lastEventId === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`
      const current = new EventSource(src, { withCredentials: true })
      es = current
      current.onopen = () => {
        attempt = 0
        statusChanged('open')
      }
      current.onerror = () => {
        if (current.readyState !== EventSource.CLOSED) return statusChanged('reconnecting')
        current.close()
        statusChanged('reconnecting')
        onRefusedRef.current?.()
        retry = setTimeout(() => !closed && connect(), reconnectDelay(attempt++))
      }
      current.addEventListener('ready', (msg) => {
        lastEventId = (msg as MessageEvent<string>).lastEventId || lastEventId
      })
      current.addEventListener(LIVE_EVENT_NAME, (msg) => {
        lastEventId = (msg as MessageEvent<string>).lastEventId || lastEventId
        const ev = parseLiveEvent((msg as MessageEvent<string>).data)
        if (ev) deltas.push(ev.delta)
      })
    }
    const connection = {
      close() {
        closed = true
        deltas.cancel()
        clearTimeout(retry)
        es?.close()
        statusChanged('closed')
      },
    }
    const untrack = trackStream(connection)
    statusChanged('connecting')
    connect()
    return () => {
      untrack()
      connection.close()
    }
  }, [url, applyDelta, qc])
  return children
}
