/**
 * Defence in depth for ids in paths: every id route validates its params with a schema, and
 * this guard refuses, before any route runs, an /api path with a `..` segment in any spelling
 * (`../`, `%2e%2e%2f`, `..%5c`, double-encoded `%252e`) or a NUL byte, with the same 400
 * envelope as a failed validation. No path a user controls can climb out of the upstream path
 * an adapter builds.
 */
import { createMiddleware } from 'hono/factory'
import { errorEnvelope } from '../errors.ts'

/** Decodes up to three rounds of percent-encoding (stops when a round changes nothing or fails). */
function fullyDecoded(segment: string): string {
  let s = segment
  for (let i = 0; i < 3; i++) {
    let next: string
    try {
      next = decodeURIComponent(s)
    } catch {
      return s
    }
    if (next === s) break
    s = next
  }
  return s
}

/** True when a raw path tries to traverse. */
export function isTraversal(rawPath: string): boolean {
  for (const segment of rawPath.split('/')) {
    const decoded = fullyDecoded(segment)
    if (decoded.includes('\u0000')) return true
    if (decoded.split(/[\\/]/).some((part) => part === '..' || part === '.')) return true
  }
  return false
}

/** The middleware (for `/api/*`). */
export function rejectPathTraversal() {
  return createMiddleware(async (c, next) => {
    const url = c.req.url
    const start = url.indexOf('/', url.indexOf('://') + 3)
    const end = url.search(/[?#]/)
    const raw = start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end)
    if (isTraversal(raw)) return c.json(errorEnvelope('ValidationFailed', 'Invalid path: ids must not contain "..", "." or NUL segments', [{ path: '/', errors: ['path traversal'] }]), 400)
    return next()
  })
}
