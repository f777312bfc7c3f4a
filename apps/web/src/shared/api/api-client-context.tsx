import { createContext, use, type ReactNode } from 'react'
import type { ApiClient } from './client.ts'

const ApiClientContext = createContext<ApiClient | null>(null)

/** Provides the typed BFF client to query hooks; tests pass one wired to an in-process BFF. */
export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext value={client}>{children}</ApiClientContext>
}

export function useApiClient(): ApiClient {
  const client = use(ApiClientContext)
  if (!client) throw new Error('useApiClient must be used inside <ApiClientProvider>')
  return client
}
