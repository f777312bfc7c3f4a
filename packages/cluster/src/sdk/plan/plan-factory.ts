/**
 * Plan generation from the target configuration and the current pod state (dcos-commons
 * DeployPlanFactory / DefaultRecoveryPlanManager / UninstallPlanFactory).
 */
import type { SeededRandom } from '../../sim/random.ts'
import type { MesosMaster } from '../../mesos/state/master.ts'
import { podInstanceName, type PodInstance } from '../pod-instance.ts'
import type { ServiceSpec } from '../service-spec.ts'
import { stepName, type Phase, type Plan, type Step } from './plan-model.ts'

/** deploy (or update): one phase per phase spec, one step per pod instance; done pods are COMPLETE. */
export function deployPlan(spec: ServiceSpec, random: SeededRandom, isCurrent: (pod: string, tasks: string[]) => boolean): Plan {
  const phases: Phase[] = spec.deploy.phases.map((ph) => {
    const pod = spec.pods.find((p) => p.type === ph.pod)!
    const steps: Step[] = []
    for (let i = 0; i < pod.count; i++) {
      const name = podInstanceName(pod.type, i)
      const tasks = ph.tasks(i)
      steps.push({ id: random.uuid(), name: stepName(name, tasks), status: tasks.length === 0 || isCurrent(name, tasks) ? 'COMPLETE' : 'PENDING', pod: name, tasks, kind: 'deploy' })
    }
    return { id: random.uuid(), name: ph.name, strategy: ph.strategy, steps, interrupted: false }
  })
  return { name: 'deploy', strategy: spec.deploy.strategy, phases, errors: [], interrupted: false }
}

export function emptyRecoveryPlan(): Plan {
  return { name: 'recovery', strategy: 'parallel', phases: [], errors: [], interrupted: false }
}

/** A recovery phase for one failed pod instance, named like its step (`kafka-1:[broker]`). */
export function recoveryPhase(random: SeededRandom, pod: string, tasks: string[], permanent: boolean): Phase {
  const name = stepName(pod, tasks)
  return {
    id: random.uuid(),
    name,
    strategy: 'parallel',
    interrupted: false,
    steps: [{ id: random.uuid(), name, status: 'PENDING', pod, tasks, kind: permanent ? 'recover-permanent' : 'recover-transient' }],
  }
}

/** SDK_UNINSTALL=true: kill-tasks, unreserve-resources-<agent> per agent, deregister-service. */
export function uninstallPlan(random: SeededRandom, master: MesosMaster, frameworkId: string, pods: Iterable<PodInstance>): Plan {
  const fw = master.frameworks.get(frameworkId)
  const killSteps: Step[] = [...(fw?.taskIds ?? [])].sort().map((id) => ({ id: random.uuid(), name: `kill-task-${id}`, status: 'PENDING', tasks: [], kind: 'kill', target: id }))
  const byAgent = new Map<string, Step[]>()
  for (const pod of pods) {
    if (!pod.agentId || !pod.reservationId) continue
    const list = byAgent.get(pod.agentId) ?? []
    list.push({ id: random.uuid(), name: `unreserve-${pod.reservationId}`, status: 'PENDING', tasks: [], kind: 'unreserve', target: pod.reservationId })
    byAgent.set(pod.agentId, list)
  }
  const phases: Phase[] = [
    { id: random.uuid(), name: 'kill-tasks', strategy: 'parallel', steps: killSteps, interrupted: false },
    ...[...byAgent.entries()].map(([agentId, steps]): Phase => ({ id: random.uuid(), name: `unreserve-resources-${agentId}`, strategy: 'parallel', steps, interrupted: false })),
    {
      id: random.uuid(),
      name: 'deregister-service',
      strategy: 'serial',
      steps: [{ id: random.uuid(), name: 'deregister', status: 'PENDING', tasks: [], kind: 'deregister' }],
      interrupted: false,
    },
  ]
  return { name: 'deploy', strategy: 'serial', phases, errors: [], interrupted: false }
}
