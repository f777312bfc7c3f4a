/**
 * Parsing a SUBSCRIBED snapshot of 10,000 real-shaped tasks, fed in 64 KB chunks like the
 * network delivers it: the streaming path the BFF
 * uses (`SubscribedStream`, whole tasks cut out and parsed one by one), against `JSON.parse` of
 * the whole text, which needs the text and the entire object graph at once.
 */
import { bench, describe } from 'vitest'
import { getTasks } from '../../testing/fixtures/mesos.ts'
import { SubscribedStream } from './subscribed-stream.ts'
import type { V1Task } from './wire.ts'

const base = getTasks.tasks![0]!
const tasks: V1Task[] = Array.from({ length: 10_000 }, (_, i) => ({
  ...base,
  task_id: { value: `prod_api_orders.instance-${i}` },
  labels: { labels: [{ key: 'DCOS_SPACE', value: '/prod/api/orders' }, { key: 'HAPROXY_GROUP', value: 'external' }] },
  statuses: [
    { state: 'TASK_STARTING', timestamp: 1_764_072_000 + i },
    { state: 'TASK_RUNNING', timestamp: 1_764_072_001 + i, healthy: true },
  ],
}))
const record = new TextEncoder().encode(
  JSON.stringify({ type: 'SUBSCRIBED', subscribed: { get_state: { get_tasks: { tasks }, get_agents: { agents: [] }, get_frameworks: { frameworks: [] } }, heartbeat_interval_seconds: 15 } }),
)
const CHUNK = 64 * 1024

describe(`SUBSCRIBED snapshot, 10,000 tasks (${(record.length / 1e6).toFixed(0)} MB)`, () => {
  bench('SubscribedStream (streamed, lean tasks)', () => {
    const s = new SubscribedStream()
    for (let at = 0; at < record.length; at += CHUNK) s.write(record.subarray(at, at + CHUNK))
    s.end()
  })
  bench('JSON.parse of the whole record', () => {
    JSON.parse(new TextDecoder().decode(record))
  })
})
