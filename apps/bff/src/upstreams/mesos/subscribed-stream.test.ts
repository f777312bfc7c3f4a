import { describe, expect, it } from 'vitest'
import { getTasks } from '../../testing/fixtures/mesos.ts'
import { createMesosClient } from './client.ts'
import { encodeRecord } from './recordio.ts'
import type { MesosEvent, V1Task } from './wire.ts'

/** A real-shaped SUBSCRIBED big enough (> 1 MB) to be parsed as a stream. */
function bigSnapshot(): { event: object; tasks: V1Task[] } {
  const base = getTasks.tasks![0]!
  const tasks: V1Task[] = Array.from({ length: 3000 }, (_, i) => ({
    ...base,
    task_id: { value: `t.${i}` },
    labels: { labels: [{ key: 'PAD', value: 'x'.repeat(300) }] },
    statuses: [
      { state: 'TASK_STARTING', timestamp: 1 },
      { state: 'TASK_RUNNING', timestamp: 2 + i, healthy: i % 2 === 0 },
    ],
  }))
  return {
    tasks,
    event: {
      type: 'SUBSCRIBED',
      subscribed: {
        get_state: { get_tasks: { tasks, completed_tasks: [{ ...base, task_id: { value: 'done.1' }, state: 'TASK_FINISHED' }] }, get_agents: { agents: [] }, get_frameworks: { frameworks: [{ framework_info: { id: { value: 'fw-1' }, name: 'marathon' } }] } },
        heartbeat_interval_seconds: 15,
      },
    },
  }
}

/** A client whose SUBSCRIBE answers `bytes` in 64 KB chunks. */
function subscribeTo(bytes: Uint8Array) {
  const fetchImpl = (async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += 65_521) c.enqueue(bytes.slice(i, i + 65_521))
          c.close()
        },
      }),
    )) as unknown as typeof fetch
  return createMesosClient({ baseUrl: 'http://cluster.test', fetch: fetchImpl }).subscribe(new AbortController().signal)
}

describe('SUBSCRIBE with a large snapshot', () => {
  it('fails the stream (so the feed reconnects) on a snapshot whose JSON breaks mid-record, yielding nothing from it', async () => {
    const text = JSON.stringify(bigSnapshot().event)
    // Same length, so the RecordIO framing stays valid: a colon dropped inside the 1,500th task
    // (caught when the task is parsed), and one in the structure around the task lists.
    const inTask = text.indexOf('"statuses":', text.indexOf('"t.1500"'))
    const inStructure = text.indexOf('"get_frameworks":')
    for (const [at, key] of [[inTask, '"statuses"'], [inStructure, '"get_frameworks"']] as const) {
      expect(at).toBeGreaterThan(1024 * 1024 * 0.4)
      const broken = `${text.slice(0, at + key.length)} ${text.slice(at + key.length + 1)}`
      const events: MesosEvent[] = []
      await expect(async () => {
        for await (const e of subscribeTo(encodeRecord(broken))) events.push(e)
      }).rejects.toThrow(SyntaxError)
      expect(events).toEqual([])
    }
  })

  it('parses the SUBSCRIBED record as a stream into lean tasks, then decodes later events as usual', async () => {
    const { event, tasks } = bigSnapshot()
    const bytes = new Uint8Array([...encodeRecord(JSON.stringify(event)), ...encodeRecord(JSON.stringify({ type: 'HEARTBEAT' }))])
    expect(bytes.length).toBeGreaterThan(1024 * 1024)
    const events: MesosEvent[] = []
    for await (const e of subscribeTo(bytes)) events.push(e)
    expect(events.map((e) => e.type)).toEqual(['SUBSCRIBED', 'HEARTBEAT'])
    const sub = events[0]!.type === 'SUBSCRIBED' ? events[0]!.subscribed : undefined
    expect(sub?.heartbeat_interval_seconds).toBe(15)
    expect(sub?.get_state?.get_frameworks?.frameworks).toEqual([{ framework_info: { id: { value: 'fw-1' }, name: 'marathon' } }])
    const got = sub?.get_state?.get_tasks
    expect(got?.tasks).toHaveLength(tasks.length)
    expect(got?.completed_tasks?.map((t) => t.task_id.value)).toEqual(['done.1'])
    const t7 = got!.tasks!.find((t) => t.task_id.value === 't.7')!
    // Only what the BFF reads: ids, state, scalar resources, the last status.
    expect(t7.statuses).toEqual([{ state: 'TASK_RUNNING', timestamp: 9, healthy: false }])
    expect(t7.labels).toBeUndefined()
    expect(t7.resources?.every((r) => r.scalar !== undefined)).toBe(true)
    expect(t7.resources?.find((r) => r.name === 'cpus')?.scalar?.value).toBe(tasks[7]!.resources!.find((r) => r.name === 'cpus')?.scalar?.value)
  })
})
