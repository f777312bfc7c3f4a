/**
 * Collects items and delivers them together once per animation frame. A burst of live deltas
 * (1,000 task updates a second) then costs one cache write pass and one render per frame
 * instead of one per SSE message. Hidden tabs get no animation frames, so a timer delivers after
 * at most `maxWaitMs` as well (whichever comes first), keeping the queue bounded.
 */
export interface FrameBatcher<T> {
  push(item: T): void
  /** Delivers what is queued now (e.g. before closing). */
  flush(): void
  /** Drops what is queued and stops scheduling. */
  cancel(): void
}

export function createFrameBatcher<T>(deliver: (items: T[]) => void, maxWaitMs = 250): FrameBatcher<T> {
  let queue: T[] = []
  let frame: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const unschedule = () => {
    if (frame !== undefined) cancelAnimationFrame(frame)
    clearTimeout(timer)
    frame = undefined
    timer = undefined
  }
  const flush = () => {
    unschedule()
    if (queue.length === 0) return
    const items = queue
    queue = []
    deliver(items)
  }
  return {
    push(item) {
      queue.push(item)
      if (timer !== undefined) return
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flush)
      timer = setTimeout(flush, maxWaitMs)
    },
    flush,
    cancel() {
      unschedule()
      queue = []
    },
  }
}
