import type { ReactNode } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { ApiClientProvider } from '#shared/api/api-client-context.tsx'
import type { ApiClient } from '#shared/api/client.ts'
import { Toaster } from '#shared/ui/toaster.tsx'

/** Everything a page needs around it; tests pass their own client and QueryClient. */
export function AppProviders({ api, queryClient, children }: { api: ApiClient; queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>
        {children}
        <Toaster />
      </ApiClientProvider>
    </QueryClientProvider>
  )
}
