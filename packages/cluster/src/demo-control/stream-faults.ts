/**
 * Demo-control faults on the cluster's long-lived streams (Mesos operator SUBSCRIBE, Marathon
 * `/v2/events`), so QA and e2e flows can cut a console's live feeds without touching anything
 * else:
 * - `POST /api/demo/streams/drop` ends every open stream (as when Admin Router restarts or a
 *   load balancer drops idle connections); with `{"refuse": true}` new streams are then answered
 *   502 (Admin Router's "upstream unreachable") until `POST /api/demo/streams/restore`.
 * - `GET /api/demo/streams` reports the open streams and whether new ones are refused.
 * REST calls are never affected: only the streams go away.
 */
import { Hono, type MiddlewareHandler } from 'hono'

type Kind = 'mesos' | 'marathon'

/** The registry of open streams and the refuse switch, with its middleware and routes. */
export class StreamFaults {
  private readonly open = new Map<() => void, Kind>()
  private refusing = false

  /** Wraps stream responses so they can be ended; refuses new ones while `refusing`. */
  readonly middleware: MiddlewareHandler = async (c, next) => {
    const kind = await streamKind(c.req.raw)
    if (!kind) return next()
    if (this.refusing) return c.html('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', 502)
    await next()
    const body = c.res.body
    if (!c.res.ok || !body) return
    const reader = body.getReader()
    let end = () => {}
    const wrapped = new ReadableStream<Uint8Array>({
      start: (controller) => {
        end = () => {
          this.open.delete(end)
          void reader.cancel().catch(() => undefined)
          try {
            controller.close()
          } catch {
            // already closed
          }
        }
        this.open.set(end, kind)
      },
      pull: async (controller) => {
        const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }))
        if (done) {
          this.open.delete(end)
          try {
            controller.close()
          } catch {
            // ended by drop()
          }
        } else controller.enqueue(value)
      },
      cancel: () => {
        this.open.delete(end)
        return reader.cancel()
      },
    })
    c.res = new Response(wrapped, { status: c.res.status, headers: c.res.headers })
  }

  /** `/api/demo/streams` routes. */
  readonly routes = new Hono()
    .get('/', (c) => c.json(this.status(), 200))
    .post('/drop', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { refuse?: unknown } | null
      if (body?.refuse !== undefined && typeof body.refuse !== 'boolean') return c.json({ error: { kind: 'ValidationFailed', message: "'refuse' must be a boolean" } }, 400)
      const dropped = this.drop()
      if (body?.refuse === true) this.refusing = true
      return c.json({ dropped, ...this.status() }, 200)
    })
    .post('/restore', (c) => {
      this.refusing = false
      return c.json(this.status(), 200)
    })

  /** Ends every open stream; returns how many, by upstream. */
  drop(): Record<Kind, number> {
    const count = { mesos: 0, marathon: 0 }
    for (const [end, kind] of [...this.open]) {
      count[kind]++
      end()
    }
    return count
  }

  status(): { open: Record<Kind, number>; refusing: boolean } {
    const open = { mesos: 0, marathon: 0 }
    for (const kind of this.open.values()) open[kind]++
    return { open, refusing: this.refusing }
  }
}

/** Which stream a request opens, if any: a v1 SUBSCRIBE call or Marathon's event stream. */
async function streamKind(req: Request): Promise<Kind | undefined> {
  const path = new URL(req.url).pathname
  if (req.method === 'POST' && path === '/mesos/api/v1') {
    const text = await req.clone().text()
    return /"type"\s*:\s*"SUBSCRIBE"/.test(text) ? 'mesos' : undefined
  }
  if (req.method === 'GET' && /^\/(service\/)?marathon\/v2\/events\/?$/.test(path) && (req.headers.get('accept') ?? '').includes('text/event-stream')) return 'marathon'
  return undefined
}
