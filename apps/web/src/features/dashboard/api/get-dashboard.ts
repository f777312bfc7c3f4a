import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const dashboardKeys = {
  all: ['dashboard'] as const,
}

/** The BFF samples allocation on every dashboard request, so polling also feeds the time series. */
export function dashboardQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: () => unwrap(api.api.dashboard.$get()),
    refetchInterval: 5_000,
  })
}
