import { useState } from 'react'
import { RouterProvider, createBrowserRouter } from 'react-router'
import { AuthGate } from '#features/auth/components/auth-gate.tsx'
import { sessionKeys } from '#features/auth/api/get-session.ts'
import { createApiClient } from '#shared/api/client.ts'
import { createQueryClient } from '#shared/api/query-client.ts'
import { LiveProvider } from '#shared/live/live-provider.tsx'
import { AppProviders } from './providers.tsx'
import { appRoutes } from './routes.tsx'
import { applyLiveDelta } from './apply-live-delta.ts'
import { useAppliedTheme } from './theme/use-applied-theme.ts'

export function App() {
  const [api] = useState(() => createApiClient())
  const [queryClient] = useState(() => createQueryClient())
  const [router] = useState(() => createBrowserRouter(appRoutes))
  // The BFF refused the live stream (the browser gives up after a non-200): re-check the session;
  // a 401 there swaps the app for the login page, as for any other expired-session answer.
  const [onStreamRefused] = useState(() => () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }))
  useAppliedTheme()
  return (
    <AppProviders api={api} queryClient={queryClient}>
      <AuthGate>
        <LiveProvider applyDelta={applyLiveDelta} onRefused={onStreamRefused}>
          <RouterProvider router={router} />
        </LiveProvider>
      </AuthGate>
    </AppProviders>
  )
}
