/**
 * View latency: sequential `GET /api/<view>`, bounded by a count and a time budget. Failed
 * requests (e.g. a 503 when an upstream read times out) are counted, not timed.
 */
import { timedGet, type Session } from './bff-client.ts'
import { summarize, type Summary } from './stats.ts'

export interface ViewLatencyOptions {
  requests: number
  /** stop early (keeping at least minRequests) once this much wall time is spent on one view */
  budgetMs: number
  minRequests: number
}

export type ViewLatency = Summary & { bodyBytes: number; failed: number; firstError?: string }

export async function measureView(s: Session, path: string, o: ViewLatencyOptions): Promise<ViewLatency> {
  let bodyBytes = 0
  let failed = 0
  let firstError: string | undefined
  const samples: number[] = []
  const t0 = performance.now()
  // Within the budget, or past it (up to 3×) while fewer than minRequests succeeded and none failed.
  const more = () => {
    const spent = performance.now() - t0
    return spent < o.budgetMs || (samples.length < o.minRequests && failed === 0 && spent < 3 * o.budgetMs)
  }
  while (samples.length + failed < o.requests && more()) {
    try {
      const r = await timedGet(s, path)
      samples.push(r.ms)
      bodyBytes = r.bytes
    } catch (err) {
      failed++
      firstError ??= (err as Error).message.slice(0, 200)
    }
  }
  return { ...summarize(samples), bodyBytes, failed, ...(firstError ? { firstError } : {}) }
}

const WARMUP_BUDGET_MS = 60_000

/** Warm-up: `count` requests per path (at most a minute each), tolerating failures; returns the first error per path. */
export async function warmUp(s: Session, paths: readonly string[], count: number): Promise<string[]> {
  const errors: string[] = []
  for (const p of paths) {
    let error: string | undefined
    let failures = 0
    const t0 = performance.now()
    // Two failures are enough to know (each may cost an upstream timeout); a minute is enough to warm.
    for (let i = 0; i < count && failures < 2 && performance.now() - t0 < WARMUP_BUDGET_MS; i++) {
      try {
        await timedGet(s, p)
      } catch (err) {
        failures++
        error ??= (err as Error).message.slice(0, 200)
      }
    }
    if (error) errors.push(`warm-up ${error}`)
  }
  return errors
}
