/**
 * Test helper: an injected `fetch` that answers from recorded real-shaped upstream responses
 * keyed by method and path, and records every call (so tests can assert the exact wire call
 * the adapter made, e.g. the v1 DRAIN_AGENT body).
 */
export interface RecordedCall {
  method: string
  url: URL
  headers: Headers
  body: string | undefined
}

type Responder = (call: RecordedCall) => Response | Promise<Response>

/** Routes are `"METHOD /path"` (path without query); `"POST /mesos/api/v1#GET_TASKS"` keys v1 calls by type. */
export function recordedUpstream(routes: Record<string, Responder | unknown>) {
  const calls: RecordedCall[] = []
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    const call: RecordedCall = { method: (init?.method ?? 'GET').toUpperCase(), url, headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : undefined }
    calls.push(call)
    let key = `${call.method} ${url.pathname}`
    if (url.pathname.endsWith('/api/v1') && call.body) key += `#${(JSON.parse(call.body) as { type: string }).type}`
    const r = routes[key]
    if (r === undefined) return new Response('404 Not Found', { status: 404 })
    if (typeof r === 'function') return (r as Responder)(call)
    return Response.json(r)
  }
  return { fetch: fetchImpl as typeof fetch, calls }
}
