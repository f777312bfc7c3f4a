import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { setCsrfToken } from '#shared/api/csrf.ts'
import { SessionProvider } from '#shared/session/session-context.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { sessionQueryOptions } from '../api/get-session.ts'
import { LoginPage } from './login-page.tsx'

/** Renders the app only with a session; a 401 shows the login page instead. */
export function AuthGate({ children }: { children: ReactNode }) {
  const api = useApiClient()
  const session = useQuery(sessionQueryOptions(api))
  if (session.isPending) return <LoadingState label="Checking your session…" />
  if (session.error) {
    if (session.error.kind === 'Unauthenticated') return <LoginPage />
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />
  }
  // Set during render (idempotent) so the token is there before any child effect fires a mutation.
  setCsrfToken(session.data.csrfToken)
  return <SessionProvider session={session.data}>{children}</SessionProvider>
}
