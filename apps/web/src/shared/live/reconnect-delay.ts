/** Delay before reopening a stream the browser gave up on: 1 s doubling to 30 s, with jitter (ms). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt))
  return Math.round(exp / 2 + (random() * exp) / 2)
}
