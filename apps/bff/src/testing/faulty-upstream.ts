/**
 * Test helper: an HTTP proxy in front of an embedded test cluster that injects upstream faults
 * per path prefix, so BFF tests meet what a sick cluster does on the wire:
 * - new requests: `stall` (accept, never answer), `refuse` (connection reset), `garbage`
 *   (a 200 with a body that is not what the upstream speaks: not JSON, a bad RecordIO length
 *   prefix, broken SSE), optionally held open like a stream;
 * - open streams (Mesos SUBSCRIBE RecordIO, Marathon `/v2/events` SSE): `stallStreams` (the
 *   socket stays open, nothing more arrives) and `cutStreams` (the socket closes in the middle of
 *   the next record or message).
 * Faults can target only stream requests (`streams: true`), so REST views keep working.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** What happens to a new request. */
export type RequestFault = { kind: 'stall' } | { kind: 'refuse' } | { kind: 'garbage'; body: string; contentType?: string; keepOpen?: boolean }

/** A fault rule: applies to requests whose path starts with `prefix` (the longest prefix wins). */
export interface FaultRule {
  fault: RequestFault
  /** only requests that open a stream (SUBSCRIBE, `Accept: text/event-stream`) */
  streams?: boolean
}

type Framing = 'recordio' | 'sse' | 'none'

interface OpenStream {
  path: string
  records: number
  framing: Framing
  mode: 'pass' | 'stalled' | 'cut-next'
  buffer: Buffer
  res: ServerResponse
  upstream: IncomingMessage
}

/** The running proxy. */
export interface FaultyUpstream {
  /** point the BFF here instead of at the cluster */
  baseUrl: string
  fail(prefix: string, rule: FaultRule): void
  /** lifts the rule for `prefix` (every rule when omitted); streams already stalled stay stalled */
  heal(prefix?: string): void
  /** open streams under `prefix` stop sending; returns how many */
  stallStreams(prefix: string): number
  /** open streams under `prefix` close mid-way through their next record or message; returns how many */
  cutStreams(prefix: string): number
  /** streams currently proxied under `prefix` */
  openStreams(prefix?: string): number
  /** requests that met the rule of `prefix` so far */
  hits(prefix: string): number
  /** every request under `prefix` so far, faulted or not */
  requests(prefix: string): number
  close(): Promise<void>
}

/** Options of the proxy. */
export interface FaultyUpstreamOptions {
  /**
   * Rewrites `heartbeat_interval_seconds` in SUBSCRIBED, as a master with a shorter heartbeat
   * would send, so a test can see the BFF's heartbeat watchdog fire in seconds rather than 75 s
   * (the test then has to make the cluster heartbeat that often, e.g. by ticking its clock).
   */
  heartbeatSeconds?: number
}

/** Starts the proxy on 127.0.0.1:0 in front of `target` (e.g. a served cluster's base URL). */
export async function serveFaultyUpstream(target: string, opts: FaultyUpstreamOptions = {}): Promise<FaultyUpstream> {
  const rules = new Map<string, FaultRule>()
  const hitCount = new Map<string, number>()
  const seen: string[] = []
  const streams = new Set<OpenStream>()
  const held = new Set<Socket>()
  const upstreamUrl = new URL(target)

  const ruleFor = (path: string, isStream: boolean): FaultRule | undefined => {
    let best: [string, FaultRule] | undefined
    for (const [prefix, rule] of rules) if (path.startsWith(prefix) && (!rule.streams || isStream) && (!best || prefix.length > best[0].length)) best = [prefix, rule]
    if (best) hitCount.set(best[0], (hitCount.get(best[0]) ?? 0) + 1)
    return best?.[1]
  }

  const server = createServer(async (req, res) => {
    seen.push(req.url ?? '')
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = Buffer.concat(chunks)
    const path = (req.url ?? '/').split('?')[0]!
    const isSubscribe = path.endsWith('/api/v1') && /"SUBSCRIBE"/.test(body.toString())
    const isStream = isSubscribe || (req.headers.accept ?? '').includes('text/event-stream')
    const rule = ruleFor(path, isStream)
    if (rule?.fault.kind === 'stall') {
      held.add(req.socket)
      return
    }
    if (rule?.fault.kind === 'refuse') {
      req.socket.resetAndDestroy()
      return
    }
    if (rule?.fault.kind === 'garbage') {
      res.writeHead(200, { 'content-type': rule.fault.contentType ?? 'application/json' })
      if (rule.fault.keepOpen) {
        res.write(rule.fault.body)
        held.add(req.socket)
      } else res.end(rule.fault.body)
      return
    }
    const up = httpRequest(
      { host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstreamUrl.host }, agent: false },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        res.flushHeaders()
        const contentType = upRes.headers['content-type'] ?? ''
        const framing: Framing = contentType.includes('text/event-stream') ? 'sse' : isSubscribe ? 'recordio' : 'none'
        if (framing === 'none') {
          upRes.pipe(res)
          return
        }
        const s: OpenStream = { path, records: 0, framing, mode: 'pass', buffer: Buffer.alloc(0), res, upstream: upRes }
        streams.add(s)
        upRes.on('data', (chunk: Buffer) => forward(s, chunk))
        upRes.on('end', () => {
          streams.delete(s)
          if (s.mode !== 'stalled') res.end()
        })
        upRes.on('error', () => res.destroy())
      },
    )
    up.on('error', () => res.destroy())
    // The BFF went away: release the cluster's side of the stream too.
    res.on('close', () => {
      up.destroy()
      for (const s of streams) if (s.res === res) streams.delete(s)
    })
    up.end(body)
  })

  function forward(s: OpenStream, chunk: Buffer): void {
    if (s.mode === 'stalled') return
    s.buffer = Buffer.concat([s.buffer, chunk])
    for (let unit = nextUnit(s); unit; unit = nextUnit(s)) {
      if (s.mode === 'cut-next') {
        s.res.write(unit.subarray(0, cutPoint(s.framing, unit)))
        // Let the partial record reach the socket before it closes.
        s.res.socket?.end(() => s.res.destroy())
        streams.delete(s)
        s.upstream.destroy()
        return
      }
      s.res.write(s.records++ === 0 && s.framing === 'recordio' && opts.heartbeatSeconds !== undefined ? withHeartbeat(unit, opts.heartbeatSeconds) : unit)
    }
  }

  const listening = await new Promise<ReturnType<typeof createServer>>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
  const inScope = (s: OpenStream, prefix?: string) => prefix === undefined || s.path.startsWith(prefix)
  return {
    baseUrl: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`,
    fail: (prefix, rule) => void rules.set(prefix, rule),
    heal: (prefix) => (prefix === undefined ? rules.clear() : void rules.delete(prefix)),
    stallStreams(prefix) {
      const hit = [...streams].filter((s) => inScope(s, prefix))
      for (const s of hit) s.mode = 'stalled'
      return hit.length
    },
    cutStreams(prefix) {
      const hit = [...streams].filter((s) => inScope(s, prefix) && s.mode === 'pass')
      for (const s of hit) s.mode = 'cut-next'
      return hit.length
    },
    openStreams: (prefix) => [...streams].filter((s) => inScope(s, prefix)).length,
    hits: (prefix) => hitCount.get(prefix) ?? 0,
    requests: (prefix) => seen.filter((u) => u.startsWith(prefix)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const sock of held) sock.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The next whole RecordIO record or SSE message held in the stream's buffer (removed from it). */
function nextUnit(s: OpenStream): Buffer | undefined {
  if (s.framing === 'sse') {
    const end = s.buffer.indexOf('\n\n')
    if (end < 0) return undefined
    const unit = s.buffer.subarray(0, end + 2)
    s.buffer = s.buffer.subarray(end + 2)
    return unit
  }
  const nl = s.buffer.indexOf('\n')
  if (nl < 0) return undefined
  const length = Number(s.buffer.subarray(0, nl).toString())
  if (s.buffer.length < nl + 1 + length) return undefined
  const unit = s.buffer.subarray(0, nl + 1 + length)
  s.buffer = s.buffer.subarray(nl + 1 + length)
  return unit
}

/** The SUBSCRIBED record with another heartbeat interval, re-framed. */
function withHeartbeat(unit: Buffer, seconds: number): Buffer {
  const event = JSON.parse(unit.subarray(unit.indexOf('\n') + 1).toString()) as { type: string; subscribed?: { heartbeat_interval_seconds?: number } }
  if (event.type !== 'SUBSCRIBED' || !event.subscribed) return unit
  event.subscribed.heartbeat_interval_seconds = seconds
  const json = Buffer.from(JSON.stringify(event))
  return Buffer.concat([Buffer.from(`${json.length}\n`), json])
}

/** Where to cut a unit so the reader is left mid-record: past the RecordIO length line, half-way into the payload. */
function cutPoint(framing: Framing, unit: Buffer): number {
  if (framing === 'recordio') {
    const nl = unit.indexOf('\n')
    return nl + 1 + Math.floor((unit.length - nl - 1) / 2)
  }
  return Math.max(1, Math.floor(unit.length / 2))
}
