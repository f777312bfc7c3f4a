/**
 * libprocess response shapes: errors are plain text (`text/plain; charset=utf-8`), often with
 * an empty body (NotFound(), NotImplemented()); MethodNotAllowed carries `Allow`.
 */
const TEXT = 'text/plain; charset=utf-8'

export function plain(status: number, body = ''): Response {
  return new Response(body, { status, headers: { 'Content-Type': TEXT } })
}

/** `Expecting one of { 'POST' }, but received 'GET'` with `Allow: POST`. */
export function methodNotAllowed(allowed: readonly string[], method: string): Response {
  return new Response(`Expecting one of { '${allowed.join("', '")}' }, but received '${method}'`, {
    status: 405,
    headers: { 'Content-Type': TEXT, Allow: allowed.join(', ') },
  })
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

export function emptyOk(): Response {
  return new Response(null, { status: 200 })
}
