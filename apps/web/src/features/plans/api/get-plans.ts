import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const planKeys = {
  all: ['plans'] as const,
  overview: () => [...planKeys.all, 'overview'] as const,
}

/** Every SDK service with its plans; polled as a fallback to the live plan deltas. */
export function plansQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: planKeys.overview(),
    queryFn: () => unwrap(api.api.plans.$get()),
    refetchInterval: 5_000,
  })
}
