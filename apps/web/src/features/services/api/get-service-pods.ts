/**
 * Pods of an SDK service (`GET /api/services/:id/pods`). No live delta carries pod state, so the
 * query re-reads while the tab is open (a pod restart shows its tasks cycling within seconds).
 */
import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { serviceKeys } from './get-services.ts'

export const servicePodKeys = {
  pods: (id: string) => [...serviceKeys.all, 'pods', id] as const,
}

export function servicePodsQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: servicePodKeys.pods(id),
    queryFn: () => unwrap(api.api.services[':id'].pods.$get({ param: { id: encodeURIComponent(id) } })),
    refetchInterval: 5_000,
  })
}
