/**
 * Main-thread tasks from a Chromium performance trace (the JSON `browser.stopTracing()` returns).
 * A task is a complete event (`ph: 'X'`) named `ThreadControllerImpl::RunTask` (current
 * Chromium) or `RunTask` (older) in the `toplevel` category, on the renderer main thread
 * (`thread_name` metadata `CrRendererMain`) of the page's process. This is what DevTools'
 * Performance panel shows as "Task" and flags as long above 50 ms.
 */

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** thread (CPU) time of a complete event, µs */
  tdur?: number
  cat?: string
  args?: Record<string, unknown>
}

export interface MainThreadTask {
  /** trace clock, µs */
  startUs: number
  durationMs: number
  /** CPU time the thread spent in the task (wall time minus time descheduled) */
  cpuMs: number
}

export interface MainThreadSummary {
  pid: number
  tid: number
  tasks: number
  longestTaskMs: number
  /** tasks over 50 ms (the Long Tasks API threshold) */
  tasksOver50Ms: number
  /**
   * The same by thread CPU time: what the page itself cost, without the time the OS gave the
   * CPU to other processes (a shared or loaded machine stretches wall times, not these).
   */
  longestTaskCpuMs: number
  tasksOver50MsCpu: number
  totalBusyMs: number
  windowMs: number
}

/**
 * Only the scheduler's task events: richer categories (devtools.timeline) make every task
 * several ms longer, and the longest task is what is being measured.
 */
export const TRACE_CATEGORIES = ['toplevel']

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask'])

export function traceEvents(trace: Buffer | string | { traceEvents: TraceEvent[] } | TraceEvent[]): TraceEvent[] {
  const parsed: unknown = typeof trace === 'string' || Buffer.isBuffer(trace) ? JSON.parse(trace.toString()) : trace
  if (Array.isArray(parsed)) return parsed as TraceEvent[]
  const events = (parsed as { traceEvents?: unknown }).traceEvents
  if (!Array.isArray(events)) throw new Error('not a Chromium trace: no traceEvents array')
  return events as TraceEvent[]
}

/** The page's renderer process: the one `TracingStartedInBrowser` names for the main frame, if any. */
function pagePid(events: TraceEvent[]): number | undefined {
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue
    const frames = (e.args?.data as { frames?: Array<{ processId?: number; parent?: string }> } | undefined)?.frames ?? []
    const main = frames.find((f) => !f.parent && typeof f.processId === 'number')
    if (main) return main.processId
  }
  return undefined
}

/** Top-level tasks per renderer main thread, keyed `pid:tid`. */
function rendererMainTasks(events: TraceEvent[]): Map<string, { pid: number; tid: number; tasks: MainThreadTask[] }> {
  const mains = new Set<string>()
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`)
  }
  const out = new Map<string, { pid: number; tid: number; tasks: MainThreadTask[] }>()
  for (const e of events) {
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || e.dur === undefined) continue
    const key = `${e.pid}:${e.tid}`
    if (!mains.has(key)) continue
    let t = out.get(key)
    if (!t) out.set(key, (t = { pid: e.pid, tid: e.tid, tasks: [] }))
    t.tasks.push({ startUs: e.ts, durationMs: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000 })
  }
  // Nested RunTask events (a task that pumps a nested loop) are counted once: only outermost.
  for (const t of out.values()) {
    t.tasks.sort((a, b) => a.startUs - b.startUs)
    const outer: MainThreadTask[] = []
    let end = -Infinity
    for (const task of t.tasks) {
      if (task.startUs < end) continue
      outer.push(task)
      end = task.startUs + task.durationMs * 1000
    }
    t.tasks = outer
  }
  return out
}

/**
 * Summarizes the page's renderer main thread. When the trace does not say which renderer hosts
 * the page, the busiest renderer main thread is taken (the page is the only one doing work).
 */
export function summarizeMainThread(trace: Parameters<typeof traceEvents>[0]): MainThreadSummary {
  const events = traceEvents(trace)
  const threads = [...rendererMainTasks(events).values()]
  if (threads.length === 0) throw new Error('trace has no renderer main-thread tasks (was the toplevel category enabled?)')
  const pid = pagePid(events)
  const busy = (t: (typeof threads)[number]) => t.tasks.reduce((s, x) => s + x.durationMs, 0)
  const candidates = threads.filter((t) => pid === undefined || t.pid === pid)
  const main = (candidates.length > 0 ? candidates : threads).reduce((a, b) => (busy(b) > busy(a) ? b : a))
  const tasks = main.tasks
  const first = tasks[0]
  const last = tasks[tasks.length - 1]
  return {
    pid: main.pid,
    tid: main.tid,
    tasks: tasks.length,
    longestTaskMs: round(Math.max(0, ...tasks.map((t) => t.durationMs))),
    tasksOver50Ms: tasks.filter((t) => t.durationMs > 50).length,
    longestTaskCpuMs: round(Math.max(0, ...tasks.map((t) => t.cpuMs))),
    tasksOver50MsCpu: tasks.filter((t) => t.cpuMs > 50).length,
    totalBusyMs: round(busy(main)),
    windowMs: first && last ? round((last.startUs - first.startUs) / 1000 + last.durationMs) : 0,
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
