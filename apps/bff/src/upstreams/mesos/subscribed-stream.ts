/**
 * Parses a SUBSCRIBED record as it streams in (@streamparser/json), keeping only what the BFF
 * reads of the snapshot: each task's ids, name, state, scalar resources and last status, and
 * each framework's info. On a 100,000-task master the record is ~300 MB; `JSON.parse` of it
 * would hold the text and the whole object graph at once (well over a GB), this holds one task
 * at a time plus the lean results.
 */
import { JSONParser } from '@streamparser/json'
import type { MesosEvent, V1FrameworkInfo, V1Resource, V1Task } from './wire.ts'

type Subscribed = Extract<MesosEvent, { type: 'SUBSCRIBED' }>

const TASK_LISTS = ['tasks', 'unreachable_tasks', 'completed_tasks'] as const

/** The task fields the BFF reads, without labels, discovery, container, health check or status history. */
function lean(t: V1Task): V1Task {
  const last = t.statuses?.at(-1)
  return {
    name: t.name,
    task_id: t.task_id,
    framework_id: t.framework_id,
    agent_id: t.agent_id,
    state: t.state,
    resources: (t.resources ?? []).filter((r) => r.type !== 'RANGES' && r.type !== 'SET').map((r): V1Resource => ({ name: r.name, ...(r.type ? { type: r.type } : {}), ...(r.scalar ? { scalar: r.scalar } : {}) })),
    statuses: last ? [{ state: last.state, ...(last.timestamp !== undefined ? { timestamp: last.timestamp } : {}), ...(last.healthy !== undefined ? { healthy: last.healthy } : {}) }] : [],
  }
}

export class SubscribedStream {
  private readonly parser = new JSONParser({
    paths: ['$.type', '$.subscribed.heartbeat_interval_seconds', ...TASK_LISTS.map((l) => `$.subscribed.get_state.get_tasks.${l}.*`), '$.subscribed.get_state.get_frameworks.frameworks.*'],
    keepStack: false,
  })
  private type: unknown
  private heartbeat: number | undefined
  private readonly tasks: Record<(typeof TASK_LISTS)[number], V1Task[]> = { tasks: [], unreachable_tasks: [], completed_tasks: [] }
  private readonly frameworks: Array<{ framework_info: V1FrameworkInfo }> = []

  constructor() {
    this.parser.onValue = ({ value, key, stack }) => {
      const parent = stack.at(-1)?.key
      if (key === 'type' && stack.length === 1) this.type = value
      else if (key === 'heartbeat_interval_seconds') this.heartbeat = typeof value === 'number' ? value : undefined
      else if (parent === 'frameworks') this.frameworks.push(value as unknown as { framework_info: V1FrameworkInfo })
      else if (parent === 'tasks' || parent === 'unreachable_tasks' || parent === 'completed_tasks') this.tasks[parent].push(lean(value as unknown as V1Task))
    }
  }

  /** Feeds the record's bytes. */
  write(bytes: Uint8Array): void {
    this.parser.write(bytes)
  }

  /** The event, once the record is complete; throws for anything but a SUBSCRIBED object. */
  end(): Subscribed {
    if (!this.parser.isEnded) this.parser.end()
    if (this.type !== 'SUBSCRIBED') throw new Error(`Mesos sent a large ${String(this.type)} record; only SUBSCRIBED is expected to be large`)
    return {
      type: 'SUBSCRIBED',
      subscribed: {
        get_state: { get_tasks: this.tasks, get_frameworks: { frameworks: this.frameworks } },
        ...(this.heartbeat !== undefined ? { heartbeat_interval_seconds: this.heartbeat } : {}),
      },
    }
  }
}
