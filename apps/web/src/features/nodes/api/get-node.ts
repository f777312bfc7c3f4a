import { queryOptions, useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { nodeKeys } from './get-nodes.ts'

export function nodeQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: nodeKeys.detail(id),
    queryFn: () => unwrap(api.api.nodes[':id'].$get({ param: { id } })),
    // Live: `nodes.changed` patches the row, `task.changed` on this agent refetches the task list.
  })
}

export function useNode(id: string) {
  return useQuery(nodeQueryOptions(useApiClient(), id))
}
