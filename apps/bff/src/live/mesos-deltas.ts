/** Mesos operator events (v1 SUBSCRIBE, upstream-apis §1.5) → live deltas. Pure. */
import type { LiveDelta, NodeHealth, TaskStateName } from '@meridian/api'
import { TASK_STATE_NAMES } from '@meridian/api'
import type { MesosEvent, V1Agent } from '../upstreams/mesos/index.ts'

const KNOWN = new Set<string>(TASK_STATE_NAMES)
const state = (s: string): TaskStateName => (KNOWN.has(s) ? (s as TaskStateName) : 'TASK_UNKNOWN')

/** Tracks task names/agents from TASK_ADDED so TASK_UPDATED (which carries only a status) can be described. */
export class MesosDeltaMapper {
  private readonly tasks = new Map<string, { name: string; agentId: string; frameworkId: string }>()

  /** Deltas for one event (SUBSCRIBED seeds the task index and yields nothing: the caller resyncs). */
  map(event: MesosEvent): LiveDelta[] {
    switch (event.type) {
      case 'SUBSCRIBED': {
        this.tasks.clear()
        const t = event.subscribed.get_state?.get_tasks
        for (const task of [...(t?.tasks ?? []), ...(t?.unreachable_tasks ?? [])]) {
          this.tasks.set(task.task_id.value, { name: task.name, agentId: task.agent_id.value, frameworkId: task.framework_id.value })
        }
        return []
      }
      case 'TASK_ADDED': {
        const t = event.task_added.task
        const info = { name: t.name, agentId: t.agent_id.value, frameworkId: t.framework_id.value }
        this.tasks.set(t.task_id.value, info)
        return [{ type: 'task.changed', task: { id: t.task_id.value, ...info, state: state(t.state), healthy: null } }]
      }
      case 'TASK_UPDATED': {
        const u = event.task_updated
        const id = u.status.task_id?.value ?? ''
        const info = this.tasks.get(id)
        const s = state(u.state)
        if (['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_ERROR', 'TASK_DROPPED', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR'].includes(s)) this.tasks.delete(id)
        return [
          {
            type: 'task.changed',
            task: {
              id,
              name: info?.name ?? id,
              frameworkId: info?.frameworkId ?? u.framework_id.value,
              agentId: info?.agentId ?? u.status.agent_id?.value ?? '',
              state: s,
              healthy: typeof u.status.healthy === 'boolean' ? u.status.healthy : null,
            },
          },
        ]
      }
      case 'AGENT_ADDED':
        return [{ type: 'node.changed', node: agentNode(event.agent_added.agent) }]
      case 'AGENT_REMOVED':
        return [{ type: 'node.removed', nodeId: event.agent_removed.agent_id.value }]
      default:
        return []
    }
  }
}

function agentNode(a: V1Agent): { id: string; hostname: string | null; health: NodeHealth } {
  const health: NodeHealth = a.drain_info ? 'draining' : a.deactivated ? 'deactivated' : a.active === false ? 'unreachable' : 'active'
  return { id: a.agent_info.id?.value ?? '', hostname: a.agent_info.hostname ?? null, health }
}
