/** Node detail: the agent view plus its tasks (from v1 GET_TASKS), newest first, bounded. */
import type { NodeDetailView, NodeTaskView, TaskStateName } from '@meridian/api'
import { TASK_STATE_NAMES, TERMINAL_TASK_STATES } from '@meridian/api'
import { AppError } from '../../errors.ts'
import type { MesosMaintenanceStatus, MesosStateSummary, V1GetTasks, V1Task } from '../../upstreams/mesos/index.ts'
import { amountsFromV1 } from './resources.ts'
import { indexMaintenance, toNodeView } from './to-node-view.ts'

/** Tasks returned per node detail; the rest is counted in `moreTasks`. */
export const NODE_TASK_LIMIT = 500

const KNOWN_STATES = new Set<string>(TASK_STATE_NAMES)

/** Builds `GET /api/nodes/:id` from v1 GET_TASKS; NotFound when the master does not list the agent. */
export function nodeDetail(agentId: string, summary: MesosStateSummary, maintenance: MesosMaintenanceStatus | undefined, tasks: V1GetTasks): NodeDetailView {
  const mine: V1Task[] = []
  for (const list of [tasks.tasks, tasks.unreachable_tasks, tasks.completed_tasks]) {
    for (const t of list ?? []) if (t.agent_id.value === agentId) mine.push(t)
  }
  return nodeDetailOf(agentId, summary, maintenance, mine.map(toNodeTask))
}

/**
 * Builds `GET /api/nodes/:id` from the agent's tasks (already picked, framework names not yet
 * filled in): active tasks first (they hold resources), then newest status first, bounded.
 */
export function nodeDetailOf(agentId: string, summary: MesosStateSummary, maintenance: MesosMaintenanceStatus | undefined, tasks: Omit<NodeTaskView, 'frameworkName'>[]): NodeDetailView {
  const agent = (summary.slaves ?? []).find((a) => a.id === agentId)
  if (!agent) throw new AppError('NotFound', `Node ${agentId} does not exist`)
  const frameworkNames = new Map((summary.frameworks ?? []).map((f) => [f.id, f.name]))
  const mine: NodeTaskView[] = tasks.map((t) => ({
    id: t.id,
    name: t.name,
    frameworkId: t.frameworkId,
    frameworkName: frameworkNames.get(t.frameworkId) ?? null,
    state: t.state,
    healthy: t.healthy,
    resources: t.resources,
    updatedAt: t.updatedAt,
  }))
  mine.sort((a, b) => Number(isTerminal(a.state)) - Number(isTerminal(b.state)) || (b.updatedAt ?? 0) - (a.updatedAt ?? 0))
  return { ...toNodeView(agent, indexMaintenance(maintenance)), tasks: mine.slice(0, NODE_TASK_LIMIT), moreTasks: Math.max(0, mine.length - NODE_TASK_LIMIT) }
}

function toNodeTask(t: V1Task): Omit<NodeTaskView, 'frameworkName'> {
  const last = t.statuses?.at(-1)
  return {
    id: t.task_id.value,
    name: t.name,
    frameworkId: t.framework_id.value,
    state: KNOWN_STATES.has(t.state) ? (t.state as TaskStateName) : 'TASK_UNKNOWN',
    healthy: typeof last?.healthy === 'boolean' ? last.healthy : null,
    resources: amountsFromV1(t.resources),
    updatedAt: typeof last?.timestamp === 'number' ? Math.round(last.timestamp * 1000) : null,
  }
}

const TERMINAL = new Set<TaskStateName>(TERMINAL_TASK_STATES)
function isTerminal(s: TaskStateName): boolean {
  return TERMINAL.has(s)
}
