/**
 * Shares one in-flight or recent result per key for `ttlMs`: concurrent and back-to-back
 * requests for the same view (every open dashboard refetching on the same `dashboard.changed`)
 * cost one computation. A failed load is not kept. At most `maxKeys` keys are held.
 */
export class SharedResult<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>()

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value
    const value = load()
    this.entries.delete(key)
    this.entries.set(key, { at: this.now(), value })
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!)
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    return value
  }
}
