/**
 * `/api/tasks/:id/logs`: a page of a task's stdout/stderr from its agent sandbox (tail by
 * default, `before` pages backwards, `offset` reads forward), and `/logs/follow`, an SSE stream
 * of what is appended. The agent files API has no push, so follow polls the file size (Mesos'
 * own UI "pailer" does the same) at a modest interval and reads only new bytes.
 */
import { LOG_CHUNK_EVENT, LogsFollowQuerySchema, LogsQuerySchema, TaskParamSchema, type LogChunkView, type LogFollowChunk } from '@meridian/api'
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { BffEnv } from '../env.ts'
import { toAppError } from '../errors.ts'
import { logWindow } from '../views/logs/sandbox.ts'
import { fileSize, locateTaskLog } from './task-log-loader.ts'
import { validate } from './validate.ts'

/** Mesos reads at most 16 pages (64 KiB) at once. */
const MAX_READ = 65_536
const KEEPALIVE_MS = 15_000

/** Options: `pollMs` is how often follow checks the file size (default 1 s). */
export interface LogsRoutesOptions {
  pollMs?: number
}

/** Task log routes. */
export function logsRoutes(opts: LogsRoutesOptions = {}) {
  const pollMs = opts.pollMs ?? 1000
  return new Hono<BffEnv>()
    .get('/:id/logs', validate('param', TaskParamSchema), validate('query', LogsQuerySchema), async (c) => {
      const up = c.var.upstreams
      const { id } = c.req.valid('param')
      const q = c.req.valid('query')
      const file = await locateTaskLog(up, id, q.stream)
      const size = await fileSize(up, file)
      const w = logWindow(size, q.length, q)
      const data = w.length > 0 ? (await up.mesos.readFile(file.agentId, file.path, w.offset, w.length)).data : ''
      const out: LogChunkView = { taskId: id, stream: q.stream, data, offset: w.offset, size, hasMoreBefore: w.offset > 0 }
      return c.json(out, 200)
    })
    .get('/:id/logs/follow', validate('param', TaskParamSchema), validate('query', LogsFollowQuerySchema), async (c) => {
      const up = c.var.upstreams
      const { id } = c.req.valid('param')
      const q = c.req.valid('query')
      // Locate before streaming so an unknown task is a plain 404 with the envelope.
      const file = await locateTaskLog(up, id, q.stream)
      let pos = q.from ?? (await fileSize(up, file))
      c.header('x-accel-buffering', 'no')
      c.header('cache-control', 'no-cache, no-transform')
      return streamSSE(c, async (stream) => {
        let lastWrite = Date.now()
        while (!stream.aborted && !stream.closed) {
          try {
            const size = await fileSize(up, file)
            // A file shorter than what was sent was rotated or truncated: start over at 0.
            if (size < pos) pos = 0
            while (pos < size && !stream.aborted) {
              const read = await up.mesos.readFile(file.agentId, file.path, pos, Math.min(MAX_READ, size - pos))
              const bytes = Buffer.byteLength(read.data)
              if (bytes === 0) break
              const chunk: LogFollowChunk = { offset: read.offset, data: read.data, size }
              await stream.writeSSE({ event: LOG_CHUNK_EVENT, id: String(read.offset + bytes), data: JSON.stringify(chunk) })
              lastWrite = Date.now()
              pos = read.offset + bytes
            }
            if (Date.now() - lastWrite >= KEEPALIVE_MS) {
              await stream.write(': keepalive\n\n')
              lastWrite = Date.now()
            }
          } catch (err) {
            // The sandbox went away (agent GC) or the agent is unreachable: tell the client and stop.
            await stream.writeSSE({ event: 'error', data: JSON.stringify(toAppError(err).toEnvelope()) }).catch(() => undefined)
            return
          }
          await stream.sleep(pollMs)
        }
      })
    })
}
