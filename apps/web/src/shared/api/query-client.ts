import { QueryClient } from '@tanstack/react-query'
import type { ApiError } from './api-error.ts'

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError
  }
}

/** Retrying a 4xx never helps; an unreachable upstream may come back, so retry those twice. */
function shouldRetry(failureCount: number, error: ApiError): boolean {
  if (error.status >= 400 && error.status < 500) return false
  return failureCount < 2
}

export function createQueryClient(opts: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: opts.retry === false ? false : shouldRetry,
        staleTime: 10_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
