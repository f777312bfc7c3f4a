import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { unwrap } from '#shared/api/unwrap.ts'
import { setCsrfToken } from '#shared/api/csrf.ts'
import { closeAllStreams } from '#shared/live/open-streams.ts'
import { sessionKeys } from './get-session.ts'

/**
 * Logs out and drops every cached query, so nothing of the old session stays in memory. Open
 * event streams (live updates, a followed log) close first: the BFF checks the session when a
 * stream opens, not on every message, so an open stream would keep delivering after sign-out.
 */
export function useLogout() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    onMutate: () => closeAllStreams(),
    mutationFn: () => unwrap(api.api.session.logout.$post()),
    onSettled: async () => {
      setCsrfToken(undefined)
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] })
      // Refetching the session now answers 401, which swaps the app for the login page.
      await qc.resetQueries({ queryKey: sessionKeys.all })
    },
  })
}
