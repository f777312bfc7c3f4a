/** One task's detail (`GET /api/tasks/:id`); its `task.changed` deltas re-read it (apply-tasks-delta.ts). */
import { queryOptions, useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const taskKeys = {
  all: ['tasks'] as const,
  detail: (id: string) => [...taskKeys.all, 'detail', id] as const,
}

export function taskQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: () => unwrap(api.api.tasks[':id'].$get({ param: { id } })),
  })
}

export function useTask(id: string) {
  return useQuery(taskQueryOptions(useApiClient(), id))
}
