/**
 * Offer evaluation for one pod instance: choose an agent (placement rules + unreserved
 * resources), reserve resources and a persistent volume for the pod, and launch its tasks on
 * that reservation — the offer operations RESERVE, CREATE and LAUNCH_GROUP a real SDK scheduler
 * sends in response to an offer.
 */
import type { MesosMaster } from '../mesos/state/master.ts'
import type { SimAgent, SimTask } from '../mesos/state/types.ts'
import type { SeededRandom } from '../sim/random.ts'
import { missingScalars } from '../sim/resources.ts'
import { ONCE_TASK } from './pacing.ts'
import { sdkTaskName, type PodInstance } from './pod-instance.ts'
import type { PodSpec, ServiceSpec } from './service-spec.ts'

export interface LaunchContext {
  master: MesosMaster
  random: SeededRandom
  spec: ServiceSpec
  frameworkId: string
  configId: string
  /** pod type → agent ids already holding an instance (for hostname:UNIQUE) */
  occupied: (podType: string, except: string) => Set<string>
}

function podResources(pod: PodSpec): { cpus: number; mem: number; disk: number; gpus: number } {
  return {
    cpus: pod.tasks.reduce((s, t) => s + t.cpus, 0),
    mem: pod.tasks.reduce((s, t) => s + t.mem, 0),
    disk: pod.diskMb,
    gpus: 0,
  }
}

/** An agent that can take the pod; starts at a seeded offset so pods spread over the cluster. */
export function pickAgent(ctx: LaunchContext, pod: PodSpec, instance: PodInstance, avoid?: string): SimAgent | undefined {
  const agents = ctx.master.offerableAgents().filter((a) => !a.public)
  if (agents.length === 0) return undefined
  const need = { ...podResources(pod), ports: [] }
  const taken = pod.uniqueHost ? ctx.occupied(pod.type, instance.name) : new Set<string>()
  const start = ctx.random.int(0, agents.length - 1)
  let fallback: SimAgent | undefined
  for (let i = 0; i < agents.length; i++) {
    const agent = agents[(start + i) % agents.length]!
    if (taken.has(agent.id)) continue
    if (missingScalars(need, ctx.master.unreservedAvailable(agent)).length > 0) continue
    if (agent.id === avoid) {
      fallback = agent
      continue
    }
    return agent
  }
  return fallback
}

/** RESERVE + CREATE: the pod's resources and its persistent volume, labelled with the pod. */
export function reservePod(ctx: LaunchContext, pod: PodSpec, instance: PodInstance, agent: SimAgent): boolean {
  const r = ctx.master.reserve({
    agentId: agent.id,
    role: ctx.spec.role,
    principal: ctx.spec.principal,
    labels: [
      { key: 'resource_id', value: ctx.random.uuid() },
      { key: 'pod', value: instance.name },
    ],
    resources: podResources(pod),
    ...(pod.diskMb > 0 ? { volume: { persistenceId: ctx.random.uuid(), containerPath: pod.volumePath, mode: 'RW' as const } } : {}),
  })
  if (!r) return false
  instance.agentId = agent.id
  instance.reservationId = r.id
  return true
}

/** LAUNCH_GROUP onto the pod's reservation; returns the launched tasks (empty on failure). */
export function launchPodTasks(ctx: LaunchContext, pod: PodSpec, instance: PodInstance, taskNames: string[]): SimTask[] {
  if (!instance.agentId || !instance.reservationId) return []
  const launched: SimTask[] = []
  for (const name of taskNames) {
    const task = pod.tasks.find((t) => t.name === name)
    if (!task) continue
    const isMain = task === pod.tasks[0]
    const full = sdkTaskName(instance.name, task.name)
    const result = ctx.master.launchTask({
      frameworkId: ctx.frameworkId,
      agentId: instance.agentId,
      id: `${full}__${ctx.random.uuid()}`,
      name: full,
      resources: { cpus: task.cpus, mem: task.mem, disk: isMain ? pod.diskMb : 0, gpus: 0 },
      requestedPorts: task.ports.map((p) => p.port),
      portNames: task.ports.map((p) => p.name),
      reservationId: instance.reservationId,
      role: ctx.spec.role,
      user: ctx.spec.user,
      labels: [
        { key: 'goal_state', value: task.goal },
        { key: 'index', value: String(instance.index) },
        { key: 'target_configuration', value: ctx.configId },
        { key: 'task_type', value: pod.type },
      ],
      command: `./${pod.type}-${task.name}`,
      behavior: task.goal === 'ONCE' ? { startupMs: ONCE_TASK.startupMs, exit: { afterMs: ONCE_TASK.runMs, state: 'TASK_FINISHED' } } : { startupMs: pod.pace.startupMs },
    })
    if (!result.ok) break
    instance.taskIds.set(task.name, result.task.id)
    launched.push(result.task)
  }
  return launched
}
