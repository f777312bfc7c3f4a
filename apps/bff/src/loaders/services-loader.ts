/** Loads the services tree from Marathon (groups + queue), shared by services and dashboard routes. */
import type { ServiceGroupView, ServiceView } from '@meridian/api'
import type { Upstreams } from '../upstreams/registry.ts'
import { flattenServices, indexQueue, toServiceTree } from '../views/services/to-service-view.ts'

/** The tree. */
export async function loadServiceTree(up: Upstreams): Promise<ServiceGroupView> {
  const [root, queue] = await Promise.all([up.marathon.groups(), up.marathon.queue()])
  return toServiceTree(root, indexQueue(queue))
}

/** Every service, flattened. */
export async function loadServiceViews(up: Upstreams): Promise<ServiceView[]> {
  return flattenServices(await loadServiceTree(up))
}
