/**
 * Executor sandboxes as the Mesos agent lays them out:
 * `<work_dir>/slaves/<agentId>/frameworks/<frameworkId>/executors/<executorId>/runs/<containerId>`
 * holding `stdout` and `stderr`. Command tasks run under the command executor, whose executor
 * id is the task id (the master's v0 task shows `executor_id: ""` for them).
 */
import type { MesosMaster } from '../state/master.ts'
import { MESOS_VERSION } from '../state/master.ts'
import { TERMINAL_STATES, type SimTask } from '../state/types.ts'
import { GeneratedLog } from './generated-log.ts'
import { taskLogSpecs } from './task-logs.ts'
import { stableUuid } from './stable-hash.ts'

export const AGENT_WORK_DIR = '/var/lib/mesos/slave'

/** The executor a task runs under (the command executor's id is the task id). */
export function executorIdOf(task: SimTask): string {
  return task.executorId !== '' ? task.executorId : task.id
}

export function containerIdOf(agentId: string, frameworkId: string, executorId: string): string {
  return stableUuid(`${agentId}/${frameworkId}/${executorId}`)
}

export function executorDirectory(agentId: string, frameworkId: string, executorId: string): string {
  return `${AGENT_WORK_DIR}/slaves/${agentId}/frameworks/${frameworkId}/executors/${executorId}/runs/${containerIdOf(agentId, frameworkId, executorId)}`
}

export interface ExecutorSandbox {
  agentId: string
  frameworkId: string
  executorId: string
  containerId: string
  directory: string
  tasks: SimTask[]
}

/** Finds the tasks of one executor on one agent (O(1) for command executors). */
export function findExecutor(master: MesosMaster, agentId: string, frameworkId: string, executorId: string): ExecutorSandbox | undefined {
  let tasks: SimTask[] = []
  const direct = master.getTask(executorId)
  if (direct && direct.executorId === '' && direct.agentId === agentId && direct.frameworkId === frameworkId) tasks = [direct]
  else {
    const agent = master.agents.get(agentId) ?? master.goneAgents.get(agentId)
    for (const id of agent?.taskIds ?? []) {
      const t = master.tasks.get(id)
      if (t && t.frameworkId === frameworkId && t.executorId === executorId) tasks.push(t)
    }
    for (const t of master.completedTasks.values()) {
      if (t.agentId === agentId && t.frameworkId === frameworkId && t.executorId !== '' && t.executorId === executorId) tasks.push(t)
    }
  }
  if (tasks.length === 0) return undefined
  return {
    agentId,
    frameworkId,
    executorId,
    containerId: containerIdOf(agentId, frameworkId, executorId),
    directory: executorDirectory(agentId, frameworkId, executorId),
    tasks,
  }
}

export type SandboxFileName = 'stdout' | 'stderr'
export const SANDBOX_FILES: readonly SandboxFileName[] = ['stdout', 'stderr']

/** The executor's stdout/stderr at `nowMs`. */
export function sandboxLog(master: MesosMaster, sandbox: ExecutorSandbox, file: SandboxFileName, nowMs: number): GeneratedLog {
  const first = sandbox.tasks[0]!
  const startMs = Math.min(...sandbox.tasks.map((t) => (t.statuses[0]?.timestamp ?? master.clock.nowSeconds()) * 1000))
  const running = sandbox.tasks.some((t) => !TERMINAL_STATES.has(t.state))
  const endMs = running ? undefined : Math.max(...sandbox.tasks.map((t) => (t.statuses[t.statuses.length - 1]?.timestamp ?? 0) * 1000))
  const agent = master.agents.get(sandbox.agentId) ?? master.goneAgents.get(sandbox.agentId)
  const specs = taskLogSpecs({
    task: first,
    executorId: sandbox.executorId,
    agentId: sandbox.agentId,
    hostname: agent?.hostname ?? 'unknown',
    containerId: sandbox.containerId,
    directory: sandbox.directory,
    mesosVersion: MESOS_VERSION,
    startMs,
    ...(endMs !== undefined ? { endMs } : {}),
  })
  return new GeneratedLog(specs[file], nowMs)
}
