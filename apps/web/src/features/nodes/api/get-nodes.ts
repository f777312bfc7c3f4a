import { queryOptions, useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const nodeKeys = {
  all: ['nodes'] as const,
  list: () => [...nodeKeys.all, 'list'] as const,
  detail: (id: string) => [...nodeKeys.all, 'detail', id] as const,
}

/**
 * The whole agent list, fetched once and filtered in the browser: filters then switch
 * instantly, and live deltas patch a single cache entry (10,000 rows is ~2 MB of JSON).
 */
export function nodesQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: nodeKeys.list(),
    queryFn: () => unwrap(api.api.nodes.$get({ query: {} })),
    // No polling: the BFF pushes changed rows (allocation, task counts, health, maintenance) as
    // `nodes.changed` and a `resync` refetches after any gap.
  })
}

export function useNodes() {
  return useQuery(nodesQueryOptions(useApiClient()))
}
