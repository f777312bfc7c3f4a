/** Percentiles and summaries of latency samples (ms). Nearest-rank percentiles, as most load tools report. */

export interface Summary {
  n: number
  p50: number
  p95: number
  max: number
}

/** Nearest-rank percentile (p in (0, 100]) of `samples`; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.max(0, rank - 1)]!
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(samples.length === 0 ? Number.NaN : Math.max(...samples)),
  }
}

/** Two decimals: sub-millisecond noise is not information at these scales. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
