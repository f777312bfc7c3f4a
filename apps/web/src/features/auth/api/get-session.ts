import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const sessionKeys = {
  all: ['session'] as const,
}

/** The current session; a 401 (`Unauthenticated`) means "show the login page". */
export function sessionQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: () => unwrap(api.api.session.$get()),
    staleTime: 5 * 60_000,
    retry: false,
  })
}
