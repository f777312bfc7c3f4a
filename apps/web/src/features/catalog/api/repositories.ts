import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import type { ApiClient } from '#shared/api/client.ts'
import { ERROR_TITLES } from '#shared/api/api-error.ts'
import { unwrap } from '#shared/api/unwrap.ts'
import { toast } from '#shared/ui/toast-store.ts'
import { catalogKeys } from './get-packages.ts'

export function repositoriesQueryOptions(api: ApiClient) {
  return queryOptions({ queryKey: catalogKeys.repositories(), queryFn: () => unwrap(api.api.catalog.repositories.$get()) })
}

/** Add or remove a Cosmos repository; the BFF answers with the whole list, written to the cache. */
export function useRepositoryChange() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (change: { kind: 'add'; name: string; uri: string } | { kind: 'remove'; name: string }) =>
      change.kind === 'add'
        ? unwrap(api.api.catalog.repositories.$post({ json: { name: change.name, uri: change.uri } }))
        : unwrap(api.api.catalog.repositories.$delete({ json: { name: change.name } })),
    onSuccess: (list) => {
      qc.setQueryData(catalogKeys.repositories(), list)
      // The searchable packages changed with the repository list.
      void qc.invalidateQueries({ queryKey: [...catalogKeys.all, 'search'] })
      void qc.invalidateQueries({ queryKey: [...catalogKeys.all, 'package'] })
    },
    onError: (e) => toast.show({ tone: 'error', title: ERROR_TITLES[e.kind], message: e.message }),
  })
}
