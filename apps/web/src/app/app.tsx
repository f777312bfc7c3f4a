import { useState } from 'react'
import { RouterProvider, createBrowserRouter } from 'react-router'
import { AuthGate } from '#features/auth/components/auth-gate.tsx'
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
  useAppliedTheme()
  return (
    <AppProviders api={api} queryClient={queryClient}>
      <AuthGate>
        <LiveProvider applyDelta={applyLiveDelta}>
          <RouterProvider router={router} />
        </LiveProvider>
      </AuthGate>
    </AppProviders>
  )
}
