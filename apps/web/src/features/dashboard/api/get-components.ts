import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const componentKeys = {
  all: ['components'] as const,
  nodes: (id: string) => ['components', id, 'nodes'] as const,
}

/**
 * DC/OS component health. dcos-diagnostics has no event stream and re-checks its units about
 * once a minute itself, so a 30 s poll shows every change it can report.
 */
export function componentsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: componentKeys.all,
    queryFn: () => unwrap(api.api.cluster.components.$get()),
    refetchInterval: 30_000,
  })
}

/** The nodes one component runs on (read when its row is opened). */
export function componentNodesQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: componentKeys.nodes(id),
    queryFn: () => unwrap(api.api.cluster.components[':id'].nodes.$get({ param: { id } })),
    refetchInterval: 30_000,
  })
}
