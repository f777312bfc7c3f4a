/** Task sandbox logs (agent `files/read`). */
import { z } from 'zod'

/** One page of a task's stdout/stderr. `offset` is the byte offset of `data` in the file. */
export interface LogChunkView {
  taskId: string
  stream: 'stdout' | 'stderr'
  data: string
  offset: number
  /** file size when read */
  size: number
  /** true when bytes before `offset` exist (page backwards with `before=offset`) */
  hasMoreBefore: boolean
}

/** Mesos task ids (Marathon `app.instance-<uuid>._app.1`, Metronome, SDK). */
export const TaskIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,299}$/, 'not a task id')
/** `:id` param of the logs routes. */
export const TaskParamSchema = z.object({ id: TaskIdSchema })
/**
 * GET /api/tasks/:id/logs query: the tail by default; `offset` reads forward from a byte offset
 * (Mesos `files/read` semantics), `before` reads the page ending at a byte offset (paging back).
 */
export const LogsQuerySchema = z.object({
  stream: z.enum(['stdout', 'stderr']).default('stdout'),
  offset: z.coerce.number().int().min(0).optional(),
  before: z.coerce.number().int().min(0).optional(),
  length: z.coerce.number().int().min(1).max(65_536).default(16_384),
})
/** GET /api/tasks/:id/logs query. */
export type LogsQuery = z.infer<typeof LogsQuerySchema>
/** GET /api/tasks/:id/logs/follow query (SSE; `from` = byte offset to continue at). */
export const LogsFollowQuerySchema = z.object({
  stream: z.enum(['stdout', 'stderr']).default('stdout'),
  from: z.coerce.number().int().min(0).optional(),
})

/** SSE event name of the follow stream's chunks (`data`: {@link LogFollowChunk}). */
export const LOG_CHUNK_EVENT = 'log'
/** One chunk of a followed log: bytes `[offset, offset + byteLength)` of the file. */
export interface LogFollowChunk {
  offset: number
  data: string
  /** file size after this chunk */
  size: number
}
