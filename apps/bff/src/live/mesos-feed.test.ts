import type { LiveDelta } from '@meridian/api'
import { describe, expect, it } from 'vitest'
import { createMesosClient, encodeRecord } from '../upstreams/mesos/index.ts'
import { AGENT_PRIVATE, AGENT_PUBLIC, FRAMEWORK_MARATHON, getTasks, maintenanceStatus, stateSummary } from '../testing/fixtures/mesos.ts'
import { recordedUpstream } from '../testing/recorded-upstream.ts'
import { mesosFeed } from './mesos-feed.ts'

/** A SUBSCRIBE response whose records arrive in odd-sized chunks, then the stream ends (upstream loss). */
function subscribeStream(events: unknown[]): Response {
  const bytes = new Uint8Array(events.flatMap((e) => [...encodeRecord(JSON.stringify(e))]))
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7))
      c.close()
    },
  })
  return new Response(body, { headers: { 'content-type': 'application/json' } })
}

describe('mesosFeed', () => {
  it('turns SUBSCRIBE events into deltas, and resubscribes with a resync after the stream is lost', async () => {
    const taskId = getTasks.tasks![0]!.task_id.value
    let connects = 0
    const up = recordedUpstream({
      'GET /mesos/master/state-summary': stateSummary,
      'GET /mesos/master/maintenance/status': maintenanceStatus,
      'POST /mesos/api/v1#SUBSCRIBE': () => {
        connects++
        return subscribeStream([
          { type: 'SUBSCRIBED', subscribed: { get_state: { get_tasks: getTasks }, heartbeat_interval_seconds: 15 } },
          { type: 'HEARTBEAT' },
          { type: 'TASK_UPDATED', task_updated: { framework_id: { value: FRAMEWORK_MARATHON }, status: { task_id: { value: taskId }, state: 'TASK_KILLED', agent_id: { value: AGENT_PRIVATE }, timestamp: 1764072100.0 }, state: 'TASK_KILLED' } },
          { type: 'AGENT_REMOVED', agent_removed: { agent_id: { value: AGENT_PRIVATE } } },
        ])
      },
    })
    const feed = mesosFeed(createMesosClient({ baseUrl: 'http://cluster.test', token: 't', fetch: up.fetch }), { backoffBaseMs: 1 })
    const deltas: LiveDelta[] = []
    feed.start((d) => deltas.push(d))
    await expect.poll(() => connects, { timeout: 2000 }).toBeGreaterThanOrEqual(2)
    feed.stop()
    const firstRound = deltas.slice(0, deltas.findIndex((d) => d.type === 'upstream.status' && !d.connected))
    expect(firstRound).toEqual([
      { type: 'upstream.status', upstream: 'mesos', connected: true },
      { type: 'resync', reason: 'initial' },
      { type: 'task.changed', task: { id: taskId, name: 'web', frameworkId: FRAMEWORK_MARATHON, agentId: AGENT_PRIVATE, state: 'TASK_KILLED', healthy: null } },
      { type: 'node.removed', nodeId: AGENT_PRIVATE },
    ])
    expect(deltas).toContainEqual({ type: 'resync', reason: 'upstream-reconnected' })
    const subscribe = up.calls.find((c) => c.url.pathname === '/mesos/api/v1')!
    expect(subscribe.headers.get('authorization')).toBe('token=t')
    expect(JSON.parse(subscribe.body!)).toEqual({ type: 'SUBSCRIBE' })
  })

  it('keeps the mirror in step and batches changed agents into one nodes.changed with their new allocation', async () => {
    const added = { ...getTasks.tasks![0]!, agent_id: { value: AGENT_PUBLIC }, statuses: [], task_id: { value: 'extra.1' }, state: 'TASK_STAGING', resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 } }, { name: 'mem', type: 'SCALAR', scalar: { value: 64 } }] }
    let release: (() => void) | undefined
    const up = recordedUpstream({
      'GET /mesos/master/state-summary': stateSummary,
      'GET /mesos/master/maintenance/status': maintenanceStatus,
      'POST /mesos/api/v1#SUBSCRIBE': () => {
        const first = [{ type: 'SUBSCRIBED', subscribed: { get_state: { get_tasks: getTasks }, heartbeat_interval_seconds: 15 } }]
        const later = [
          { type: 'TASK_ADDED', task_added: { task: added } },
          { type: 'TASK_UPDATED', task_updated: { framework_id: { value: FRAMEWORK_MARATHON }, status: { task_id: { value: 'extra.1' }, state: 'TASK_RUNNING', timestamp: 1764072101 }, state: 'TASK_RUNNING' } },
          // health only: no allocation or counter change
          { type: 'TASK_UPDATED', task_updated: { framework_id: { value: FRAMEWORK_MARATHON }, status: { task_id: { value: 'extra.1' }, state: 'TASK_RUNNING', healthy: true, timestamp: 1764072102 }, state: 'TASK_RUNNING' } },
        ]
        const body = new ReadableStream<Uint8Array>({
          start(c) {
            for (const e of first) c.enqueue(encodeRecord(JSON.stringify(e)))
            release = () => {
              for (const e of later) c.enqueue(encodeRecord(JSON.stringify(e)))
            }
          },
        })
        return new Response(body)
      },
    })
    const feed = mesosFeed(createMesosClient({ baseUrl: 'http://cluster.test', fetch: up.fetch }), { nodeFlushMs: 20 })
    const deltas: LiveDelta[] = []
    feed.start((d) => deltas.push(d))
    await expect.poll(() => feed.mirror.synced).toBe(true)
    const before = feed.mirror.agent(AGENT_PUBLIC)!
    release!()
    await expect.poll(() => deltas.filter((d) => d.type === 'nodes.changed').length).toBe(1)
    await new Promise((r) => setTimeout(r, 60))
    feed.stop()
    const nodes = deltas.filter((d) => d.type === 'nodes.changed')
    expect(nodes).toHaveLength(1)
    const row = nodes[0]!.type === 'nodes.changed' ? nodes[0]!.nodes : []
    expect(row.map((n) => n.id)).toEqual([AGENT_PUBLIC])
    expect(row[0]!.allocated.cpus).toBeCloseTo((before.used_resources?.cpus ?? 0) + 0.5)
    expect(row[0]!.tasksByState.TASK_RUNNING).toBe((before.TASK_RUNNING ?? 0) + 1)
    expect(deltas.filter((d) => d.type === 'task.changed')).toHaveLength(3)
  })

  it('resubscribes when Mesos updates a task the snapshot did not have', async () => {
    let connects = 0
    const up = recordedUpstream({
      'GET /mesos/master/state-summary': stateSummary,
      'POST /mesos/api/v1#SUBSCRIBE': () => {
        connects++
        const events: unknown[] = [{ type: 'SUBSCRIBED', subscribed: { get_state: { get_tasks: getTasks }, heartbeat_interval_seconds: 15 } }]
        if (connects === 1) events.push({ type: 'TASK_UPDATED', task_updated: { framework_id: { value: FRAMEWORK_MARATHON }, status: { task_id: { value: 'never-seen' }, state: 'TASK_RUNNING' }, state: 'TASK_RUNNING' } })
        const body = new ReadableStream<Uint8Array>({
          start(c) {
            for (const e of events) c.enqueue(encodeRecord(JSON.stringify(e)))
          },
        })
        return new Response(body)
      },
    })
    const feed = mesosFeed(createMesosClient({ baseUrl: 'http://cluster.test', fetch: up.fetch }), { backoffBaseMs: 1 })
    const deltas: LiveDelta[] = []
    feed.start((d) => deltas.push(d))
    await expect.poll(() => connects).toBe(2)
    await expect.poll(() => feed.mirror.synced).toBe(true)
    feed.stop()
    expect(deltas).toContainEqual({ type: 'resync', reason: 'upstream-reconnected' })
    expect(deltas.some((d) => d.type === 'task.changed')).toBe(false)
  })
})

describe('mesosFeed restart', () => {
  it('never runs two SUBSCRIBE streams after stop() and start() during a reconnect backoff', async () => {
    let open = 0
    let calls = 0
    // The first attempt fails at once (the loop then sleeps in backoff); later ones stay open
    // until aborted, so `open` counts the streams held at the same time.
    const fetchImpl = ((_input: string | URL | Request, init?: RequestInit) => {
      calls++
      if (calls === 1) return Promise.reject(new TypeError('connection refused'))
      open++
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          init?.signal?.addEventListener('abort', () => {
            open--
            c.error(new DOMException('aborted', 'AbortError'))
          })
        },
      })
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }))
    }) as typeof fetch
    const feed = mesosFeed(createMesosClient({ baseUrl: 'http://cluster.test', token: 't', fetch: fetchImpl }), { backoffBaseMs: 100 })
    feed.start(() => undefined)
    await expect.poll(() => calls).toBe(1)
    feed.stop()
    feed.start(() => undefined)
    await expect.poll(() => open).toBe(1)
    // Long enough for the first loop's backoff to end.
    await new Promise((r) => setTimeout(r, 600))
    expect(open).toBe(1)
    feed.stop()
    await expect.poll(() => open).toBe(0)
  })
})
