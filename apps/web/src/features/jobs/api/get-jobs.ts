import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => [...jobKeys.all, 'list'] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
}

export function jobsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: jobKeys.list(),
    queryFn: () => unwrap(api.api.jobs.$get()),
    refetchInterval: 15_000,
  })
}

export function jobQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => unwrap(api.api.jobs[':id'].$get({ param: { id } })),
    refetchInterval: 5_000,
  })
}
