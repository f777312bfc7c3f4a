/** Reconnect delays: exponential with jitter, capped (ms). */
export function backoffDelay(attempt: number, baseMs = 500, capMs = 30_000, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))
  return Math.round(exp / 2 + (random() * exp) / 2)
}
