/**
 * The bench's browser stand-in: logs in through `/api/session/login` like the SPA (cookie +
 * CSRF token), times view requests, and reads `/api/events` as a byte-counted SSE stream.
 */
export interface Session {
  baseUrl: string
  cookie: string
  csrfToken: string
}

/**
 * Logs in, retrying while the BFF answers 5xx: right after start a 10,000-agent cluster is busy
 * sending the BFF its first SUBSCRIBE snapshot, and the IAM login behind it can time out.
 */
export async function loginWhenReady(baseUrl: string, withinMs: number): Promise<Session> {
  const deadline = performance.now() + withinMs
  for (;;) {
    try {
      return await login(baseUrl)
    } catch (err) {
      if (!/login failed: 5\d\d/.test((err as Error).message) || performance.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, 2000))
    }
  }
}

export async function login(baseUrl: string, uid = 'admin', password = 'admin'): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/session/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid, password }) })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { csrfToken: string }
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ')
  if (cookie === '') throw new Error('login set no session cookie')
  return { baseUrl, cookie, csrfToken: body.csrfToken }
}

/** GETs `path` and reads the whole body; returns wall ms and body bytes (throws on non-200). */
export async function timedGet(s: Session, path: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now()
  const res = await fetch(`${s.baseUrl}${path}`, { headers: { cookie: s.cookie, accept: 'application/json' } })
  const buf = await res.arrayBuffer()
  const ms = performance.now() - t0
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${new TextDecoder().decode(buf).slice(0, 300)}`)
  return { ms, bytes: buf.byteLength }
}

export interface SseMessage {
  event: string
  id: string | undefined
  data: string
  /** performance.now() when the message's last byte arrived */
  at: number
}

export interface SseStream {
  /** bytes received so far (headers excluded) */
  bytes(): number
  messages(): number
  /** resolves with the first message (from now on) `match` accepts, or undefined after timeoutMs */
  next(match: (m: SseMessage) => boolean, timeoutMs: number): Promise<SseMessage | undefined>
  close(): void
}

/**
 * Opens an SSE stream. The parser follows the EventSource rules the bench needs (event, id,
 * data lines; blank line dispatches; comments counted as bytes only).
 */
export async function openSse(s: Session, path: string): Promise<SseStream> {
  const ctrl = new AbortController()
  const res = await fetch(`${s.baseUrl}${path}`, { headers: { cookie: s.cookie, accept: 'text/event-stream' }, signal: ctrl.signal })
  if (res.status !== 200 || !res.body) throw new Error(`GET ${path}: ${res.status}`)
  let bytes = 0
  let count = 0
  const waiters = new Set<{ match: (m: SseMessage) => boolean; resolve: (m: SseMessage | undefined) => void }>()
  const decoder = new TextDecoder()
  let pending = ''
  let event = ''
  let id: string | undefined
  let data: string[] = []
  const dispatch = (at: number) => {
    if (data.length === 0 && event === '') return
    const m: SseMessage = { event: event || 'message', id, data: data.join('\n'), at }
    count++
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.delete(w)
        w.resolve(m)
      }
    }
    event = ''
    data = []
  }
  const reader = res.body.getReader()
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        const at = performance.now()
        bytes += value.byteLength
        pending += decoder.decode(value, { stream: true })
        let nl: number
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl).replace(/\r$/, '')
          pending = pending.slice(nl + 1)
          if (line === '') dispatch(at)
          else if (line.startsWith(':')) continue
          else {
            const colon = line.indexOf(':')
            const field = colon < 0 ? line : line.slice(0, colon)
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
            if (field === 'event') event = value
            else if (field === 'data') data.push(value)
            else if (field === 'id') id = value
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  return {
    bytes: () => bytes,
    messages: () => count,
    next: (match, timeoutMs) =>
      new Promise((resolve) => {
        const w = {
          match,
          resolve: (m: SseMessage | undefined) => {
            clearTimeout(timer)
            resolve(m)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(w)
          resolve(undefined)
        }, timeoutMs)
        waiters.add(w)
      }),
    close: () => ctrl.abort(),
  }
}
