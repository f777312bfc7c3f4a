/**
 * A recorded BFF for component tests: answers `METHOD /path` from a table of real-shaped view
 * JSON (typed with @meridian/api) and records every call, so tests can assert what was sent.
 */
export type FakeHandler = unknown | ((req: { url: URL; body: unknown; headers: Headers }) => Response | unknown)

export interface FakeBff {
  fetch: typeof fetch
  calls: Array<{ method: string; path: string; body: unknown; headers: Headers }>
}

export function fakeBff(routes: Record<string, FakeHandler>): FakeBff {
  const calls: FakeBff['calls'] = []
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(typeof input === 'string' && input.startsWith('/') ? `http://web.test${input}` : input, init)
    const url = new URL(req.url)
    const text = req.method === 'GET' ? '' : await req.text()
    const body = text ? (JSON.parse(text) as unknown) : undefined
    const path = decodeURIComponent(url.pathname)
    calls.push({ method: req.method, path, body, headers: req.headers })
    const handler = routes[`${req.method} ${path}`]
    if (handler === undefined) return Response.json({ error: { kind: 'NotFound', message: `no fake for ${req.method} ${path}` } }, { status: 404 })
    // A handler may be async, e.g. to hold a response until something else has happened.
    const out: unknown = typeof handler === 'function' ? await (handler as (r: { url: URL; body: unknown; headers: Headers }) => unknown)({ url, body, headers: req.headers }) : handler
    return out instanceof Response ? out : Response.json(out)
  }
  return { fetch: fetchImpl as typeof fetch, calls }
}
