/**
 * Task state change → browser delta: fails a running task through the cluster's demo-control
 * API and times until its `task.changed` (TASK_FAILED) arrives on an open `/api/events` stream.
 * The clock starts before the POST, so the number includes the cluster's own handling.
 */
import type { SseStream } from './bff-client.ts'
import { summarize, type Summary } from './stats.ts'

interface WireTask {
  id: string
  state: string
  framework_id: string
}

/** Running tasks spread over the first `scan` the master lists. */
export async function runningTasks(clusterUrl: string, count: number, scan = 2000): Promise<string[]> {
  const res = await fetch(`${clusterUrl}/mesos/master/tasks?limit=${scan}`)
  const { tasks } = (await res.json()) as { tasks: WireTask[] }
  const running = tasks.filter((t) => t.state === 'TASK_RUNNING').map((t) => t.id)
  const step = Math.max(1, Math.floor(running.length / count))
  return running.filter((_, i) => i % step === 0).slice(0, count)
}

export interface ChangeToDelta extends Summary {
  missed: number
  /** task failures sent (fewer than asked when the measurement gave up) */
  attempted: number
  /** the demo-control POST's own round trip: how long the cluster took to answer it */
  post: Summary
  /** every arrived sample in order (ms), to see whether slow ones cluster in time */
  samplesMs: number[]
}

/**
 * Fails each task in turn and times its delta. After `giveUpAfterMisses` misses in a row the live
 * path is evidently not delivering, and waiting out the timeout for every remaining task would
 * only lengthen the run: it stops there (`attempted` says how far it got).
 */
export async function measureChangeToDelta(clusterUrl: string, sse: SseStream, taskIds: readonly string[], opts: { gapMs: number; timeoutMs: number; giveUpAfterMisses: number }): Promise<ChangeToDelta> {
  const samples: number[] = []
  const posts: number[] = []
  let missed = 0
  let missedInARow = 0
  let attempted = 0
  for (const id of taskIds) {
    if (missedInARow >= opts.giveUpAfterMisses) break
    attempted++
    const arrived = sse.next((m) => {
      if (m.event !== 'delta' || !m.data.includes(id)) return false
      const d = (JSON.parse(m.data) as { delta: { type: string; task?: { id: string; state: string } } }).delta
      return d.type === 'task.changed' && d.task?.id === id && d.task.state === 'TASK_FAILED'
    }, opts.timeoutMs)
    const t0 = performance.now()
    const res = await fetch(`${clusterUrl}/api/demo/tasks/${encodeURIComponent(id)}/fail`, { method: 'POST' })
    await res.arrayBuffer()
    posts.push(performance.now() - t0)
    if (res.status !== 200) {
      missed++
      missedInARow++
      continue
    }
    const m = await arrived
    if (m) {
      samples.push(m.at - t0)
      missedInARow = 0
    } else {
      missed++
      missedInARow++
    }
    await new Promise((r) => setTimeout(r, opts.gapMs))
  }
  return { ...summarize(samples), missed, attempted, post: summarize(posts), samplesMs: samples.map((v) => Math.round(v * 10) / 10) }
}
