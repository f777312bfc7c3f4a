/** Locates a task's stdout/stderr file: the master says which agent and framework, the agent's state gives the sandbox directory. */
import { AppError } from '../errors.ts'
import type { Upstreams } from '../upstreams/registry.ts'
import { findSandbox } from '../views/logs/sandbox.ts'

/** Where a task's log file lives. */
export interface TaskLogFile {
  agentId: string
  path: string
}

/** NotFound for an unknown task, or one whose sandbox the agent no longer has (garbage-collected). */
export async function locateTaskLog(up: Upstreams, taskId: string, stream: 'stdout' | 'stderr'): Promise<TaskLogFile> {
  const task = await up.mesos.task(taskId)
  if (!task) throw new AppError('NotFound', `Task ${taskId} not found`, { upstream: { name: 'mesos' } })
  const dir = findSandbox(await up.mesos.agentState(task.slave_id), task.framework_id, task.id, task.executor_id)
  if (!dir) throw new AppError('NotFound', `The sandbox of task ${taskId} is no longer available on agent ${task.slave_id}`, { upstream: { name: 'mesos' } })
  return { agentId: task.slave_id, path: `${dir}/${stream}` }
}

/** Current size of a file (Mesos `files/read?offset=-1` answers its size as `offset`). */
export async function fileSize(up: Upstreams, f: TaskLogFile): Promise<number> {
  return (await up.mesos.readFile(f.agentId, f.path, -1)).offset
}
