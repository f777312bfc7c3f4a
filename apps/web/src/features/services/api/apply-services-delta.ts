import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { serviceKeys } from './get-services.ts'

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

export function applyServicesDelta(qc: QueryClient, delta: LiveDelta): void {
  for (const queryKey of staleServiceKeys(delta)) void qc.invalidateQueries({ queryKey, exact: true, refetchType: 'active' })
}
