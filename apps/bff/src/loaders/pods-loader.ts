/** Loads an SDK service's pods: the scheduler's pod status and framework id, then that framework's Mesos tasks. */
import type { PodsListView } from '@meridian/api'
import type { Upstreams } from '../upstreams/registry.ts'
import type { SdkServiceRef } from '../views/plans/to-plan-view.ts'
import { toPodsView } from '../views/pods/to-pods-view.ts'

/** Pods of one SDK service, joined with Mesos task data (agent, resources, health). */
export async function loadServicePods(up: Upstreams, svc: SdkServiceRef): Promise<PodsListView> {
  const [status, frameworkId, summary] = await Promise.all([up.sdk.podStatus(svc.serviceName), up.sdk.frameworkId(svc.serviceName), up.mesos.stateSummary()])
  const tasks = frameworkId ? await up.mesos.frameworkTasks(frameworkId) : []
  return toPodsView(svc.serviceId, status, tasks, summary)
}
