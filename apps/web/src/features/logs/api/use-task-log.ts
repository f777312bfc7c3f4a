/**
 * Task log state: the tail via the typed client, older pages on demand, and live appends from
 * the follow SSE stream while `following`. The buffer is a stream window, not cached server
 * state, so it lives in the component rather than in react-query.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Api from '@meridian/api'
import type { LogFollowChunk } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { ApiError } from '#shared/api/api-error.ts'
import { trackStream } from '#shared/live/open-streams.ts'
import { appendChunk, emptyBuffer, fromTail, prependChunk, type LogBuffer } from '../model/log-buffer.ts'
import { fetchLogPage, followUrl, type LogStream } from './get-task-log.ts'

const LOG_EVENT: typeof Api.LOG_CHUNK_EVENT = 'log'

export function useTaskLog(taskId: string, stream: LogStream, following: boolean) {
  const api = useApiClient()
  const [buffer, setBuffer] = useState<LogBuffer>(emptyBuffer)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingOlder, setLoadingOlder] = useState(false)
  const endRef = useRef(0)
  useEffect(() => {
    endRef.current = buffer.end
  })

  useEffect(() => {
    // The caller keys its component by task and stream, so state starts at 'loading' for each.
    let cancelled = false
    fetchLogPage(api, taskId, stream)
      .then((chunk) => {
        if (cancelled) return
        setBuffer(fromTail(chunk))
        setStatus('ready')
      })
      .catch((e: unknown) => {
        if (cancelled) return
        setError(e instanceof ApiError ? e : new ApiError(0, 'Unknown', String(e)))
        setStatus('error')
      })
    return () => {
      cancelled = true
    }
  }, [api, taskId, stream])

  useEffect(() => {
    if (!following || status !== 'ready' || typeof EventSource === 'undefined') return
    const es = new EventSource(followUrl(taskId, stream, endRef.current), { withCredentials: true })
    es.addEventListener(LOG_EVENT, (m) => {
      const chunk = JSON.parse((m as MessageEvent<string>).data) as LogFollowChunk
      setBuffer((b) => appendChunk(b, chunk))
    })
    es.addEventListener('error', () => {
      if (es.readyState === EventSource.CLOSED) setError(new ApiError(0, 'Network', 'The log stream ended'))
    })
    // Tracked so signing out closes it (see shared/live/open-streams.ts).
    const untrack = trackStream(es)
    return () => {
      untrack()
      es.close()
    }
  }, [following, status, taskId, stream])

  const loadOlder = useCallback(async () => {
    setLoadingOlder(true)
    try {
      const chunk = await fetchLogPage(api, taskId, stream, buffer.start)
      setBuffer((b) => prependChunk(b, chunk))
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Unknown', String(e)))
    } finally {
      setLoadingOlder(false)
    }
  }, [api, taskId, stream, buffer.start])

  return { buffer, status, error, loadOlder, loadingOlder }
}
