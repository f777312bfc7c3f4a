/**
 * Idle traffic, side by side in one window: what an idle console's `/api/events` stream carries
 * versus what a DC/OS-era console re-polling full master state every 2 s downloads.
 */
import { openSse, type Session } from './bff-client.ts'
import type { IdleTraffic } from './result-types.ts'
import { round, summarize } from './stats.ts'

const POLL_INTERVAL_MS = 2000

export async function measureIdleTraffic(s: Session, clusterUrl: string, windowMs: number): Promise<IdleTraffic> {
  const sse = await openSse(s, '/api/events')
  const start = performance.now()
  const end = start + windowMs
  let pollBytes = 0
  let stateBytes = 0
  const pollMs: number[] = []
  // A poll starts every 2 s, or as soon as the previous one finished when it took longer.
  for (let next = start; next < end; ) {
    const wait = next - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const t0 = performance.now()
    const res = await fetch(`${clusterUrl}/mesos/master/state`)
    const n = (await res.arrayBuffer()).byteLength
    pollMs.push(performance.now() - t0)
    pollBytes += n
    stateBytes = n
    next = Math.max(next + POLL_INTERVAL_MS, performance.now())
  }
  const rest = end - performance.now()
  if (rest > 0) await new Promise((r) => setTimeout(r, rest))
  const elapsed = performance.now() - start
  const sseBytes = sse.bytes()
  const sseEvents = sse.messages()
  sse.close()
  const perMinute = (bytes: number) => Math.round((bytes * 60_000) / elapsed)
  return {
    windowSeconds: round(elapsed / 1000, 1),
    sseBytesPerMinute: perMinute(sseBytes),
    sseEvents,
    pollBytesPerMinute: perMinute(pollBytes),
    polls: pollMs.length,
    stateBytes,
    pollLatency: summarize(pollMs),
    ratio: sseBytes > 0 ? round(pollBytes / sseBytes, 1) : Number.POSITIVE_INFINITY,
  }
}
