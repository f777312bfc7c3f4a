/** Node detail's task tabs: active tasks hold resources on the agent; completed ones are its recent history. */
import { TERMINAL_TASK_STATES, type NodeTaskView } from '@meridian/api'

const TERMINAL = new Set<string>(TERMINAL_TASK_STATES)

/** Splits by terminal state, keeping the BFF's order for active tasks and putting the newest completed first. */
export function splitNodeTasks(tasks: readonly NodeTaskView[]): { active: NodeTaskView[]; completed: NodeTaskView[] } {
  const active: NodeTaskView[] = []
  const completed: NodeTaskView[] = []
  for (const t of tasks) (TERMINAL.has(t.state) ? completed : active).push(t)
  completed.sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0))
  return { active, completed }
}
