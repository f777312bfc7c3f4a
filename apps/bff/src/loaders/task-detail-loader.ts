/**
 * Loads one task's detail: v1 GET_TASKS (the only master read that keeps status messages), the
 * state-summary for names, the Marathon app for its command, and the agent's sandbox listing.
 * The app and the sandbox are decoration: an agent that is gone or a deleted app still shows the task.
 */
import type { TaskDetailView, TaskSandboxView } from '@meridian/api'
import { AppError, toAppError } from '../errors.ts'
import type { MarathonApp } from '../upstreams/marathon/index.ts'
import type { Upstreams } from '../upstreams/registry.ts'
import { findSandbox } from '../views/logs/sandbox.ts'
import { sandboxUnavailable, toSandboxFiles } from '../views/tasks/sandbox-files.ts'
import { findV1Task, marathonAppIdOf, toTaskDetail } from '../views/tasks/task-detail.ts'

async function loadSandbox(up: Upstreams, agentId: string, frameworkId: string, taskId: string, executorId: string | undefined): Promise<TaskSandboxView> {
  let directory: string | null = null
  try {
    directory = findSandbox(await up.mesos.agentState(agentId), frameworkId, taskId, executorId)
    if (!directory) return sandboxUnavailable(null, `Agent ${agentId} no longer has this task's sandbox (garbage-collected)`)
    return { directory, files: toSandboxFiles(directory, await up.mesos.browseFiles(agentId, directory)), error: null }
  } catch (err) {
    return sandboxUnavailable(directory, `The sandbox could not be read: ${toAppError(err).message}`)
  }
}

/** NotFound when the master knows no such task (active, unreachable or completed). */
export async function loadTaskDetail(up: Upstreams, taskId: string): Promise<TaskDetailView> {
  const [all, summary] = await Promise.all([up.mesos.getTasks(), up.mesos.stateSummary()])
  const task = findV1Task(all, taskId)
  if (!task) throw new AppError('NotFound', `Task ${taskId} not found`, { upstream: { name: 'mesos' } })
  const isMarathon = (summary.frameworks ?? []).some((f) => f.id === task.framework_id.value && f.name === 'marathon')
  const appId = isMarathon ? marathonAppIdOf(taskId) : null
  const [app, sandbox] = await Promise.all([
    appId ? up.marathon.app(appId).catch((): MarathonApp | null => null) : Promise.resolve(null),
    loadSandbox(up, task.agent_id.value, task.framework_id.value, taskId, task.executor_id?.value),
  ])
  return toTaskDetail(task, { summary, app, sandbox })
}
