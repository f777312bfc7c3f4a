/**
 * Metronome's error bodies (dcos.metronome.api: ErrorDetail, UnknownJob, UnknownSchedule,
 * UnknownJobRun, and ErrorHandler.onClientError's `{message, requestPath}` for binder, body
 * parser and routing failures) and the JSON body parser with Play's `parse.json` rules.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Paths as Metronome sees them: Admin Router strips `/service/metronome`. */
export function requestPath(c: Context, basePath: string): string {
  const p = c.req.path
  return basePath !== '' && p.startsWith(basePath) ? p.slice(basePath.length) || '/' : p
}

/** Play's HtmlFormat.escape on messages (XSS guard in Metronome's ErrorHandler). */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')
}

export function clientError(c: Context, basePath: string, status: ContentfulStatusCode, message: string): Response {
  return c.json({ message: escapeHtml(message), requestPath: escapeHtml(requestPath(c, basePath)) }, status)
}

export const unknownJob = (c: Context, id: string) => c.json({ id, message: 'Job not found' }, 404)
export const unknownSchedule = (c: Context, id: string) => c.json({ id, message: 'Schedule not found' }, 404)
export const unknownJobRun = (c: Context, jobId: string, runId: string) => c.json({ jobSpec: jobId, id: runId, message: 'Job Run not found' }, 404)
export const conflict = (c: Context, message: string) => c.json({ message }, 409)

const SEGMENT = /^([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/

/**
 * The JobId path binder: split on dots (empty segments dropped), every segment lowercase
 * alphanumerics and inner dashes; otherwise Play answers 400 "Not a valid id: <value>".
 */
export function bindJobId(raw: string): string | undefined {
  const segments = raw.split('.').filter((s) => s !== '')
  if (segments.length === 0 || !segments.every((s) => SEGMENT.test(s))) return undefined
  return segments.join('.')
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response }

/**
 * Play `parse.json`: needs a JSON content type (415 otherwise) and a well-formed document
 * (400 "Invalid Json: ..." otherwise). Both go through the client-error handler.
 */
export async function readJson(c: Context, basePath: string): Promise<JsonBody> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'text/json') {
    return { ok: false, response: clientError(c, basePath, 415, 'Expecting text/json or application/json body') }
  }
  const text = await c.req.text()
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (err) {
    return { ok: false, response: clientError(c, basePath, 400, `Invalid Json: ${(err as Error).message}`) }
  }
}
