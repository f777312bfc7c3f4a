import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export type LogStream = 'stdout' | 'stderr'

/** The tail page (no `before`) or the page ending at byte `before`. */
export function fetchLogPage(api: ApiClient, taskId: string, stream: LogStream, before?: number) {
  return unwrap(api.api.tasks[':id'].logs.$get({ param: { id: taskId }, query: { stream, ...(before !== undefined ? { before: String(before) } : {}) } }))
}

/** SSE URL of the follow stream (EventSource cannot go through the typed client). */
export function followUrl(taskId: string, stream: LogStream, from: number): string {
  return `/api/tasks/${encodeURIComponent(taskId)}/logs/follow?stream=${stream}&from=${from}`
}
