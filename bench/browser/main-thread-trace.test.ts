import { describe, expect, it } from 'vitest'
import { summarizeMainThread, type TraceEvent } from './main-thread-trace.ts'

const RENDERER = 200
const MAIN = 1
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } })
const task = (pid: number, tid: number, tsMs: number, durMs: number, cpuMs = durMs, name = 'ThreadControllerImpl::RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  cat: 'toplevel',
  pid,
  tid,
  ts: tsMs * 1000,
  dur: durMs * 1000,
  tdur: cpuMs * 1000,
})

describe('summarizeMainThread', () => {
  it('takes the renderer main thread’s outermost tasks: longest, count over 50 ms, CPU time', () => {
    const trace = {
      traceEvents: [
        meta(RENDERER, MAIN, 'CrRendererMain'),
        meta(RENDERER, 7, 'Compositor'),
        meta(100, 1, 'CrBrowserMain'),
        task(RENDERER, MAIN, 0, 10),
        // a nested RunTask inside the 80 ms one is not a second task
        task(RENDERER, MAIN, 20, 80, 30),
        task(RENDERER, MAIN, 30, 60, 20, 'RunTask'),
        task(RENDERER, MAIN, 120, 51),
        task(RENDERER, 7, 0, 500), // compositor thread: not the main thread
        task(100, 1, 0, 900), // browser process
        { name: 'FunctionCall', ph: 'X', pid: RENDERER, tid: MAIN, ts: 25_000, dur: 70_000 },
      ],
    }
    expect(summarizeMainThread(Buffer.from(JSON.stringify(trace)))).toEqual({
      pid: RENDERER,
      tid: MAIN,
      tasks: 3,
      longestTaskMs: 80,
      tasksOver50Ms: 2,
      longestTaskCpuMs: 51,
      tasksOver50MsCpu: 1,
      totalBusyMs: 141,
      windowMs: 171,
    })
  })

  it('prefers the renderer TracingStartedInBrowser names for the page over a busier one', () => {
    const events: TraceEvent[] = [
      meta(300, MAIN, 'CrRendererMain'),
      meta(RENDERER, MAIN, 'CrRendererMain'),
      { name: 'TracingStartedInBrowser', ph: 'I', pid: 100, tid: 1, ts: 0, args: { data: { frames: [{ processId: RENDERER }] } } },
      task(300, MAIN, 0, 400),
      task(RENDERER, MAIN, 0, 20),
    ]
    expect(summarizeMainThread(events)).toMatchObject({ pid: RENDERER, longestTaskMs: 20 })
    // without it, the busiest renderer main thread is the page
    expect(summarizeMainThread(events.filter((e) => e.name !== 'TracingStartedInBrowser'))).toMatchObject({ pid: 300, longestTaskMs: 400 })
  })

  it('rejects a trace without renderer tasks', () => {
    expect(() => summarizeMainThread({ traceEvents: [meta(100, 1, 'CrBrowserMain')] })).toThrow(/no renderer main-thread tasks/)
    expect(() => summarizeMainThread('{"foo":1}')).toThrow(/not a Chromium trace/)
  })
})
