/**
 * Finding a task's sandbox in agent state (`/slave(1)/state`, upstream-apis.md §1.3): the
 * executor that holds the task (in `tasks`, `queued_tasks` or `completed_tasks`) of its
 * framework (active or completed) has the sandbox `directory`. Command tasks run under an
 * executor whose id is the task id. Pure.
 */
import type { MesosAgentState } from '../../upstreams/mesos/index.ts'

type Executor = { id: string; directory: string; tasks?: Array<{ id: string }>; completed_tasks?: Array<{ id: string }>; queued_tasks?: Array<{ id: string }> }

const holds = (e: Executor, taskId: string) => [e.tasks, e.queued_tasks, e.completed_tasks].some((list) => (list ?? []).some((t) => t.id === taskId))

/** The sandbox directory of `taskId`, or null when the agent no longer knows it. */
export function findSandbox(state: MesosAgentState, frameworkId: string, taskId: string, executorId?: string): string | null {
  const frameworks = [...(state.frameworks ?? []), ...(state.completed_frameworks ?? [])].filter((f) => f.id === frameworkId)
  for (const f of frameworks) {
    const executors: Executor[] = [...(f.executors ?? []), ...(f.completed_executors ?? [])]
    const found = executors.find((e) => holds(e, taskId)) ?? executors.find((e) => e.id === (executorId || taskId))
    if (found) return found.directory
  }
  return null
}

/**
 * The byte window to read: the page ending at `before`, the page starting at `offset`, or the
 * tail (last `length` bytes). Mesos caps a read at 64 KiB; `length` is validated below that.
 */
export function logWindow(size: number, length: number, o: { offset?: number | undefined; before?: number | undefined }): { offset: number; length: number } {
  if (o.offset !== undefined) {
    const start = Math.min(o.offset, size)
    return { offset: start, length: Math.min(length, size - start) }
  }
  const end = Math.min(o.before ?? size, size)
  const start = Math.max(0, end - length)
  return { offset: start, length: end - start }
}
