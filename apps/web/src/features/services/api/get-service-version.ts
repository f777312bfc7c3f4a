import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { serviceKeys } from './get-services.ts'

export const serviceVersionKeys = {
  version: (id: string, version: string) => [...serviceKeys.all, 'version', id, version] as const,
}

/** A stored Marathon version never changes, so it is fetched once and kept. */
export function serviceVersionQueryOptions(api: ApiClient, id: string, version: string) {
  return queryOptions({
    queryKey: serviceVersionKeys.version(id, version),
    queryFn: () => unwrap(api.api.services[':id'].versions[':version'].$get({ param: { id: encodeURIComponent(id), version: encodeURIComponent(version) } })),
    staleTime: Infinity,
  })
}
