/**
 * What the benchmark installs in the page before any of the SPA's scripts run
 * (`page.addInitScript`): a Long Tasks observer (the in-page cross-check of the trace), an Event
 * Timing observer (input → next paint, as Chromium measures INP), the moment the first data row
 * appears, a count of live deltas received on the SSE stream, and an input probe that times a
 * key press from the input event's timestamp to the next animation frame.
 * Runs in the browser: it must not close over anything in this module.
 */

export interface ProbeState {
  longTasks: Array<{ start: number; duration: number }>
  eventTimings: Array<{ name: string; start: number; duration: number }>
  /** performance.now() at the first animation frame after a row matching the selector existed */
  firstRowAt: number | null
  deltas: number
  /** key press → next animation frame, ms (one per probe key press) */
  inputToFrame: Array<{ at: number; ms: number }>
}

declare global {
  interface Window {
    __meridianBench: ProbeState
  }
}

/** The init script. `rowSelector` matches one data row of the page being measured. */
export function installProbe(rowSelector: string): void {
  const state: ProbeState = { longTasks: [], eventTimings: [], firstRowAt: null, deltas: 0, inputToFrame: [] }
  window.__meridianBench = state
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.eventTimings.push({ name: e.name, start: e.startTime, duration: e.duration })
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit)
  } catch {
    // an engine without these entry types: the trace still measures tasks
  }
  const NativeEventSource = window.EventSource
  window.EventSource = class extends NativeEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init)
      this.addEventListener('delta', () => {
        state.deltas += 1
      })
    }
  }
  // The probe key (a bare Shift: no default action, no console shortcut) is timed from the
  // browser's input timestamp to the next frame: the delay a user would feel before the screen
  // can respond.
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Shift') return
      const t0 = e.timeStamp
      requestAnimationFrame(() => state.inputToFrame.push({ at: t0, ms: performance.now() - t0 }))
    },
    true,
  )
  const watch = () => {
    const found = () => {
      if (state.firstRowAt !== null || !document.querySelector(rowSelector)) return false
      requestAnimationFrame(() => {
        state.firstRowAt ??= performance.now()
      })
      return true
    }
    if (found()) return
    const mo = new MutationObserver(() => {
      if (found()) mo.disconnect()
    })
    mo.observe(document.documentElement, { childList: true, subtree: true })
  }
  if (document.documentElement) watch()
  else document.addEventListener('readystatechange', watch, { once: true })
}
