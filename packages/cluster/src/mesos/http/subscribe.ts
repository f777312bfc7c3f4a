/**
 * Operator SUBSCRIBE: a chunked RecordIO stream of v1 events. SUBSCRIBED (with the full
 * GET_STATE and heartbeat_interval_seconds) comes first, then master events as they happen
 * and a HEARTBEAT every interval of *simulated* time. The listener and heartbeat timer are
 * released when the client goes away (the stream is cancelled).
 */
import type { SimClock, Timer } from '../../sim/clock.ts'
import type { MesosMaster } from '../state/master.ts'
import type { MasterEvent } from '../state/types.ts'
import { composite, RawJson, toJsonText } from './raw-json.ts'
import { encodeRecord } from './recordio.ts'
import { agentV1, frameworkInfoV1, frameworkV1, getState, id, statusV1, taskV1 } from './render-v1.ts'

export const HEARTBEAT_INTERVAL_SECONDS = 15

/** The v1 event for a master event, or undefined when the operator stream has no such event. */
export function toOperatorEvent(master: MesosMaster, e: MasterEvent): object | undefined {
  switch (e.type) {
    case 'TASK_ADDED':
      return { type: 'TASK_ADDED', task_added: { task: taskV1(master, e.task) } }
    case 'TASK_UPDATED':
      return { type: 'TASK_UPDATED', task_updated: { framework_id: id(e.task.frameworkId), status: statusV1(e.task, e.status), state: e.task.state } }
    case 'AGENT_ADDED':
      return { type: 'AGENT_ADDED', agent_added: { agent: agentV1(master, e.agent) } }
    case 'AGENT_REMOVED':
      return { type: 'AGENT_REMOVED', agent_removed: { agent_id: id(e.agent.id) } }
    case 'FRAMEWORK_ADDED':
      return { type: 'FRAMEWORK_ADDED', framework_added: { framework: frameworkV1(master, e.framework) } }
    case 'FRAMEWORK_UPDATED':
      return { type: 'FRAMEWORK_UPDATED', framework_updated: { framework: frameworkV1(master, e.framework) } }
    case 'FRAMEWORK_REMOVED':
      return { type: 'FRAMEWORK_REMOVED', framework_removed: { framework_info: frameworkInfoV1(e.framework) } }
    case 'AGENT_UPDATED':
      // Internal only: Mesos' operator stream has no AGENT_UPDATED.
      return undefined
  }
}

export function subscribeResponse(master: MesosMaster, clock: SimClock): Response {
  let unsubscribe: (() => void) | undefined
  let heartbeat: Timer | undefined
  const stop = () => {
    unsubscribe?.()
    heartbeat?.cancel()
    unsubscribe = undefined
    heartbeat = undefined
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: object | string) => {
        try {
          controller.enqueue(encodeRecord(event))
        } catch {
          stop()
        }
      }
      send(toJsonText(composite({ type: 'SUBSCRIBED', subscribed: composite({ get_state: new RawJson(toJsonText(getState(master))), heartbeat_interval_seconds: HEARTBEAT_INTERVAL_SECONDS }) })))
      unsubscribe = master.on((e) => {
        const event = toOperatorEvent(master, e)
        if (event) send(event)
      })
      heartbeat = clock.every(HEARTBEAT_INTERVAL_SECONDS * 1000, () => send({ type: 'HEARTBEAT' }))
    },
    cancel() {
      stop()
    },
  })
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' } })
}
