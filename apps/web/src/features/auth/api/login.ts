import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { LoginInput } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { unwrap } from '#shared/api/unwrap.ts'
import { setCsrfToken } from '#shared/api/csrf.ts'
import { sessionKeys } from './get-session.ts'

export function useLogin() {
  const api = useApiClient()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: LoginInput) => unwrap(api.api.session.login.$post({ json: input })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken)
      qc.setQueryData(sessionKeys.all, session)
    },
  })
}
