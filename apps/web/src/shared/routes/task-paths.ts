/** Where a task's pages live; task ids carry dots and may carry other characters a path must escape. */
export const taskPath = (id: string): string => `/tasks/${encodeURIComponent(id)}`

/** The log viewer on one of a task's streams (stdout is its default). */
export const taskLogsPath = (id: string, stream: 'stdout' | 'stderr' = 'stdout'): string => `/logs/${encodeURIComponent(id)}${stream === 'stderr' ? '?stream=stderr' : ''}`
