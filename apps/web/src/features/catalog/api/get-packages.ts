import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const catalogKeys = {
  all: ['catalog'] as const,
  search: (q: string, tag: string) => [...catalogKeys.all, 'search', q, tag] as const,
  detail: (name: string, version: string) => [...catalogKeys.all, 'package', name, version] as const,
  installed: () => [...catalogKeys.all, 'installed'] as const,
  repositories: () => [...catalogKeys.all, 'repositories'] as const,
}

export function packagesQueryOptions(api: ApiClient, q: string, tag = '') {
  return queryOptions({
    queryKey: catalogKeys.search(q, tag),
    queryFn: () => unwrap(api.api.catalog.packages.$get({ query: { ...(q ? { q } : {}), ...(tag ? { tag } : {}) } })),
    staleTime: 60_000,
  })
}

export function packageQueryOptions(api: ApiClient, name: string, version = '') {
  return queryOptions({
    queryKey: catalogKeys.detail(name, version),
    queryFn: () => unwrap(api.api.catalog.packages[':name'].$get({ param: { name }, query: version ? { version } : {} })),
    staleTime: 60_000,
  })
}

export function installedQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: catalogKeys.installed(), queryFn: () => unwrap(api.api.catalog.installed.$get()) })
}
