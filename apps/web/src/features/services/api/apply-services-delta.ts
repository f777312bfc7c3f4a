import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta, ServicesTreeView } from '@meridian/api'
import { serviceKeys } from './get-services.ts'
import { reapplyAfterFetch } from '#shared/live/reapply-after-fetch.ts'
import { patchServiceTree } from './patch-service-tree.ts'

// A 10,000-service tree takes a while to fetch: a burst of deltas must not cancel and restart it each time.
const KEEP_IN_FLIGHT = { cancelRefetch: false } as const

/** Which service caches a delta makes stale (pure, so it is testable without a cache). */
export function staleServiceKeys(delta: LiveDelta): ReadonlyArray<readonly unknown[]> {
  switch (delta.type) {
    case 'service.changed':
      return [serviceKeys.tree(), serviceKeys.detail(delta.serviceId)]
    case 'deployment.changed':
      return [serviceKeys.tree(), ...delta.affectedServices.map((s) => serviceKeys.detail(s))]
    default:
      return []
  }
}

/**
 * A `service.changed` that carries the row patches the tree in place (no refetch of a tree that
 * may hold 10,000 services); without a row, or for a service the tree does not have, the tree
 * is refetched. The open detail page of the service refetches either way (tasks, versions).
 */
export function applyServicesDelta(qc: QueryClient, delta: LiveDelta): void {
  if (delta.type === 'service.changed' && delta.service) {
    const row = delta.service
    const tree = qc.getQueryData<ServicesTreeView>(serviceKeys.tree())
    const patched = tree ? patchServiceTree(tree, row) : null
    if (patched) {
      qc.setQueryData(serviceKeys.tree(), patched)
      reapplyAfterFetch(qc, serviceKeys.tree(), () => {
        const fresh = qc.getQueryData<ServicesTreeView>(serviceKeys.tree())
        const again = fresh ? patchServiceTree(fresh, row) : null
        if (again) qc.setQueryData(serviceKeys.tree(), again)
      })
    }
    // A service the tree does not have: a fetch already in flight may predate it, so start a new one.
    else if (tree) void qc.invalidateQueries({ queryKey: serviceKeys.tree(), exact: true, refetchType: 'active' })
    void qc.invalidateQueries({ queryKey: serviceKeys.detail(delta.serviceId), exact: true, refetchType: 'active' })
    return
  }
  for (const queryKey of staleServiceKeys(delta)) void qc.invalidateQueries({ queryKey, exact: true, refetchType: 'active' }, KEEP_IN_FLIGHT)
}
