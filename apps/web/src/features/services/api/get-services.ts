import { queryOptions } from '@tanstack/react-query'
import type { ServicesTreeView } from '@meridian/api'
import type { ApiClient } from '#shared/api/client.ts'
import { unwrap } from '#shared/api/unwrap.ts'

export const serviceKeys = {
  all: ['services'] as const,
  tree: () => [...serviceKeys.all, 'tree'] as const,
  detail: (id: string) => [...serviceKeys.all, 'detail', id] as const,
}

export function servicesQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: serviceKeys.tree(),
    // Hono's JSON typing flattens the recursive group type to JSONValue; the body is a ServicesTreeView.
    queryFn: async (): Promise<ServicesTreeView> => (await unwrap(api.api.services.$get())) as unknown as ServicesTreeView,
    // No polling: `service.changed` deltas carry the new row and a `resync` refetches after a gap.
  })
}

/** Marathon ids contain slashes; the typed client does not encode params, so we do. */
export function serviceQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: serviceKeys.detail(id),
    queryFn: () => unwrap(api.api.services[':id'].$get({ param: { id: encodeURIComponent(id) } })),
    // Live: every `service.changed` / `deployment.changed` of this service refetches it.
  })
}
