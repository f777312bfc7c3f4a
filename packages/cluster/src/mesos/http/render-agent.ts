/**
 * The agent's `/slave(1)/state` (src/slave/http.cpp): enough of the real document for clients
 * to find sandboxes — frameworks with their executors, each executor's `directory` and
 * `container`, and its tasks; finished executors under `completed_executors`.
 */
import { containerIdOf, executorDirectory, executorIdOf } from '../sandbox/executor-sandbox.ts'
import type { MesosMaster } from '../state/master.ts'
import type { SimFramework, SimTask } from '../state/types.ts'
import { TERMINAL_STATES } from '../state/types.ts'
import { BUILD } from './master-info.ts'
import { agentV0, taskV0 } from './render-v0.ts'
import { BagAccumulator, summary } from './wire-resources.ts'

function executorJson(agentId: string, fw: SimFramework, executorId: string, tasks: SimTask[]) {
  const res = new BagAccumulator()
  for (const t of tasks) if (!TERMINAL_STATES.has(t.state)) res.add(t.resources)
  const first = tasks[0]!
  const command = first.executorId === ''
  return {
    id: executorId,
    name: command ? `Command Executor (Task: ${first.id}) (Command: sh -c '${(first.command ?? '').slice(0, 15)}...')` : executorId,
    source: command ? first.id : executorId,
    container: containerIdOf(agentId, fw.id, executorId),
    directory: executorDirectory(agentId, fw.id, executorId),
    resources: summary(res.bag()),
    role: first.role,
    ...(command ? {} : { type: 'DEFAULT' }),
    tasks: tasks.filter((t) => !TERMINAL_STATES.has(t.state)).map(taskV0),
    queued_tasks: [],
    completed_tasks: tasks.filter((t) => TERMINAL_STATES.has(t.state)).map(taskV0),
  }
}

export function agentStateV0(master: MesosMaster, agentId: string) {
  const agent = master.agents.get(agentId)!
  // frameworkId → executorId → tasks
  const byFramework = new Map<string, Map<string, SimTask[]>>()
  const add = (t: SimTask) => {
    let execs = byFramework.get(t.frameworkId)
    if (!execs) byFramework.set(t.frameworkId, (execs = new Map()))
    const ex = executorIdOf(t)
    const list = execs.get(ex)
    if (list) list.push(t)
    else execs.set(ex, [t])
  }
  for (const id of agent.taskIds) {
    const t = master.tasks.get(id)
    if (t) add(t)
  }
  for (const t of master.completedTasks.values()) if (t.agentId === agentId) add(t)
  const frameworks: unknown[] = []
  const completedFrameworks: unknown[] = []
  for (const [fwId, execs] of byFramework) {
    const fw = master.frameworks.get(fwId) ?? master.completedFrameworks.get(fwId)
    if (!fw) continue
    const running: unknown[] = []
    const completed: unknown[] = []
    for (const [ex, tasks] of execs) (tasks.some((t) => !TERMINAL_STATES.has(t.state)) ? running : completed).push(executorJson(agentId, fw, ex, tasks))
    const multiRole = fw.capabilities.includes('MULTI_ROLE')
    const entry = {
      id: fw.id,
      name: fw.name,
      user: fw.user,
      failover_timeout: fw.failoverTimeout,
      checkpoint: fw.checkpoint,
      hostname: fw.hostname,
      ...(fw.principal !== undefined ? { principal: fw.principal } : {}),
      ...(multiRole ? { roles: fw.roles } : { role: fw.roles[0] ?? '*' }),
      capabilities: fw.capabilities,
      executors: running,
      completed_executors: completed,
    }
    ;(running.length > 0 ? frameworks : completedFrameworks).push(entry)
  }
  const base = agentV0(agent)
  return {
    ...BUILD,
    start_time: agent.registeredTime,
    id: agent.id,
    pid: base.pid,
    hostname: agent.hostname,
    capabilities: base.capabilities,
    resources: base.resources,
    attributes: agent.attributes,
    domain: base.domain,
    master_hostname: master.hostname,
    log_dir: '/var/log/mesos',
    flags: { work_dir: '/var/lib/mesos/slave', port: String(agent.port), hostname: agent.hostname, ip: agent.ip },
    reserved_resources: base.reserved_resources,
    unreserved_resources: base.unreserved_resources,
    frameworks,
    completed_frameworks: completedFrameworks,
  }
}
