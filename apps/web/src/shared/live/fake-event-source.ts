/**
 * Test support: a stand-in for the browser's EventSource. Tests push SSE messages through
 * `emit`, and play the browser's two kinds of failure: `drop()` (a network error: the browser
 * retries by itself, readyState CONNECTING) and `refuse()` (a non-200 answer: it gives up,
 * readyState CLOSED, and never retries).
 */
export class FakeEventSource {
  static instances: FakeEventSource[] = []
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  readyState = 0
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  closed = false
  private listeners = new Map<string, Array<(m: MessageEvent<string>) => void>>()
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this)
  }
  addEventListener(type: string, fn: (m: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn])
  }
  open() {
    this.readyState = FakeEventSource.OPEN
    this.onopen?.()
  }
  emit(type: string, data: string, lastEventId = '') {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data, lastEventId }))
  }
  drop() {
    this.readyState = FakeEventSource.CONNECTING
    this.onerror?.()
    for (const fn of this.listeners.get('error') ?? []) fn(new MessageEvent('error'))
  }
  refuse() {
    this.readyState = FakeEventSource.CLOSED
    this.onerror?.()
    for (const fn of this.listeners.get('error') ?? []) fn(new MessageEvent('error'))
  }
  close() {
    this.closed = true
    this.readyState = FakeEventSource.CLOSED
  }
  /** The instances still open. */
  static open(): FakeEventSource[] {
    return FakeEventSource.instances.filter((e) => !e.closed)
  }
}
