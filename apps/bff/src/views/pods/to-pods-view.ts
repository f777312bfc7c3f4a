/**
 * SDK pod status (`/v1/pod/status`) joined with the framework's Mesos tasks (`/master/tasks?
 * framework_id=`) into pods → tasks with state, agent, host and resources. Pure.
 */
import type { PodsListView, PodTaskView, TaskStateName } from '@meridian/api'
import { TASK_STATE_NAMES } from '@meridian/api'
import type { MesosStateSummary, MesosV0Task } from '../../upstreams/mesos/index.ts'
import type { SdkPodStatus } from '../../upstreams/sdk/index.ts'
import { amountsFromSummary, emptyAmounts } from '../nodes/resources.ts'

const KNOWN_STATES = new Set<string>(TASK_STATE_NAMES)

/** The SDK reports `RUNNING` where Mesos says `TASK_RUNNING`. */
function sdkState(status: string | undefined): TaskStateName | null {
  if (!status) return null
  const name = status.startsWith('TASK_') ? status : `TASK_${status}`
  return KNOWN_STATES.has(name) ? (name as TaskStateName) : 'TASK_UNKNOWN'
}

/** Builds `GET /api/services/:id/pods`; pods sorted by type, then instance index. */
export function toPodsView(serviceId: string, status: SdkPodStatus, tasks: MesosV0Task[], summary: MesosStateSummary): PodsListView {
  const byId = new Map(tasks.map((t) => [t.id, t]))
  const hosts = new Map((summary.slaves ?? []).map((a) => [a.id, a.hostname]))
  const index = (name: string) => Number(/-(\d+)$/.exec(name)?.[1] ?? 0)
  const pods = (status.pods ?? []).flatMap((type) =>
    (type.instances ?? [])
      .map((inst) => ({
        name: inst.name,
        type: type.name,
        tasks: (inst.tasks ?? []).map((st): PodTaskView => {
          const t = st.id ? byId.get(st.id) : undefined
          const last = t?.statuses?.at(-1)
          const health = [...(t?.statuses ?? [])].reverse().find((s) => typeof s.healthy === 'boolean')
          return {
            name: st.name,
            id: st.id ?? null,
            // Mesos is the authority on task state; the SDK's copy can lag a status update.
            state: t?.state ? sdkState(t.state) : sdkState(st.status),
            healthy: health?.healthy ?? null,
            agentId: t?.slave_id ?? null,
            host: t ? (hosts.get(t.slave_id) ?? null) : null,
            resources: t ? amountsFromSummary(t.resources) : emptyAmounts(),
            updatedAt: typeof last?.timestamp === 'number' ? Math.round(last.timestamp * 1000) : null,
          }
        }),
      }))
      .sort((a, b) => index(a.name) - index(b.name)),
  )
  pods.sort((a, b) => a.type.localeCompare(b.type) || index(a.name) - index(b.name))
  return { service: serviceId, pods }
}
