/**
 * Loads the services tree, shared by the services and dashboard routes: from the Marathon
 * mirror while its event stream is up, else from Marathon (`/v2/groups` + `/v2/queue`).
 */
import type { ServiceGroupView, ServiceView } from '@meridian/api'
import type { MarathonMirror } from '../mirror/marathon-mirror.ts'
import type { Upstreams } from '../upstreams/registry.ts'
import { flattenServices, indexQueue, toServiceTree } from '../views/services/to-service-view.ts'

/** The tree. */
export async function loadServiceTree(up: Upstreams, mirror?: MarathonMirror): Promise<ServiceGroupView> {
  const mirrored = mirror?.synced ? mirror.tree() : undefined
  if (mirrored) return mirrored
  const [root, queue] = await Promise.all([up.marathon.groups(), up.marathon.queue()])
  return toServiceTree(root, indexQueue(queue))
}

/** Every service, flattened. */
export async function loadServiceViews(up: Upstreams, mirror?: MarathonMirror): Promise<ServiceView[]> {
  return flattenServices(await loadServiceTree(up, mirror))
}
