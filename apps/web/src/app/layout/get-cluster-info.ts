import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const clusterKeys = {
  info: () => ['cluster', 'info'] as const,
}

/** The cluster's name, Mesos version and leader; a leader change is rare, so refresh slowly. */
export function clusterInfoQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: clusterKeys.info(),
    queryFn: () => unwrap(api.api.cluster.$get()),
    staleTime: 5 * 60_000,
    refetchInterval: 5 * 60_000,
  })
}
