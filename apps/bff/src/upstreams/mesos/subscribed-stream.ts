/**
 * Parses a SUBSCRIBED record as it streams in, keeping only what the BFF reads of the snapshot:
 * each task's ids, name, state, scalar resources and last status, and each framework's info. On
 * a 100,000-task master the record is ~300 MB; `JSON.parse` of it would hold the text and the
 * whole object graph at once (well over a GB). This cuts out one task at a time
 * (`JsonPathSplitter`), parses it and keeps the lean result; agents and executors are skipped.
 */
import { JsonPathSplitter } from './json-path-splitter.ts'
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
  private readonly splitter = new JsonPathSplitter(
    ['type', 'subscribed.heartbeat_interval_seconds', ...TASK_LISTS.map((l) => `subscribed.get_state.get_tasks.${l}.*`), 'subscribed.get_state.get_frameworks.frameworks.*'],
    (path, value) => {
      if (path === 'type') this.type = value
      else if (path === 'subscribed.heartbeat_interval_seconds') this.heartbeat = typeof value === 'number' ? value : undefined
      else if (path === 'subscribed.get_state.get_frameworks.frameworks.*') this.frameworks.push(value as { framework_info: V1FrameworkInfo })
      else {
        const list = TASK_LISTS.find((l) => path === `subscribed.get_state.get_tasks.${l}.*`)
        if (list) this.tasks[list].push(lean(value as V1Task))
      }
    },
  )
  private type: unknown
  private heartbeat: number | undefined
  private readonly tasks: Record<(typeof TASK_LISTS)[number], V1Task[]> = { tasks: [], unreachable_tasks: [], completed_tasks: [] }
  private readonly frameworks: Array<{ framework_info: V1FrameworkInfo }> = []

  /** Feeds the record's bytes. */
  write(bytes: Uint8Array): void {
    this.splitter.write(bytes)
  }

  /** The event, once the record is complete; throws for anything but a SUBSCRIBED object. */
  end(): Subscribed {
    this.splitter.end()
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
