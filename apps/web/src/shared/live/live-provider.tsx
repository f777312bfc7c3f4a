/**
 * One EventSource per tab on `/api/events`. Each typed delta goes to `applyDelta` (composed in
 * app/ from the features' pure reducers) which writes the query cache. EventSource reconnects by
 * itself and sends `Last-Event-ID`, so the BFF can replay or answer `resync`.
 */
import { useEffect, type ReactNode } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import type * as Api from '@meridian/api'
import type { LiveDelta } from '@meridian/api'
import { parseLiveEvent } from './parse-live-event.ts'
import { useLiveStatusStore } from './live-status-store.ts'

// Checked against the shared constant; a value import would pull zod into the shell chunk.
const LIVE_EVENT_NAME: typeof Api.LIVE_EVENT_NAME = 'delta'

export type ApplyDelta = (qc: QueryClient, delta: LiveDelta) => void

export function LiveProvider({ url = '/api/events', applyDelta, children }: { url?: string; applyDelta: ApplyDelta; children: ReactNode }) {
  const qc = useQueryClient()
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const { statusChanged, upstreamReported } = useLiveStatusStore.getState()
    const es = new EventSource(url, { withCredentials: true })
    statusChanged('connecting')
    es.onopen = () => statusChanged('open')
    es.onerror = () => statusChanged(es.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting')
    es.addEventListener(LIVE_EVENT_NAME, (msg) => {
      const ev = parseLiveEvent((msg as MessageEvent<string>).data)
      if (!ev) return
      if (ev.delta.type === 'upstream.status') upstreamReported(ev.delta.upstream, ev.delta.connected)
      if (ev.delta.type === 'resync') {
        void qc.invalidateQueries()
        return
      }
      applyDelta(qc, ev.delta)
    })
    return () => {
      es.close()
      statusChanged('closed')
    }
  }, [url, applyDelta, qc])
  return children
}
