/**
 * The serialized body of a large view built from a mirror (10,000 node rows, a 10,000-service
 * tree: megabytes of JSON). Rebuilt when the mirror's version moved, but at most once per
 * `maxStaleMs` while it keeps moving (1,000 task events a second would otherwise make every
 * request rebuild): a reader gets a body at most that old, and the live deltas that follow
 * carry what changed since. Changes deltas cannot patch into a client's copy (rows appearing or
 * disappearing) belong in `key`, so they rebuild at once.
 */
export class BodyCache {
  private entry: { version: number; at: number; key: string; body: Uint8Array } | undefined

  constructor(
    private readonly maxStaleMs = 250,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The body for `key` (e.g. a query) at `version`, UTF-8 encoded once (not per request), built
   * with `build` (a value to serialize, or JSON text) when needed.
   */
  get(key: string, version: number, build: () => unknown): Uint8Array {
    const e = this.entry
    if (e && e.key === key && (e.version === version || this.now() - e.at < this.maxStaleMs)) return e.body
    const built = build()
    const body = new TextEncoder().encode(built instanceof JsonText ? built.text : JSON.stringify(built))
    this.entry = { version, at: this.now(), key, body }
    return body
  }
}

/** JSON already serialized (e.g. assembled from cached row fragments). */
export class JsonText {
  constructor(readonly text: string) {}
}
