/**
 * Renders a page against the real BFF and an embedded cluster, in-process: the typed client's
 * fetch is `bffApp.request`, and the BFF reaches a cluster served on a free port over HTTP, as it
 * would a remote one (style.md "Testing pyramid"). Test-only: nothing here reaches the bundle.
 */
import { render, type RenderResult } from '@testing-library/react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router'
import { serveBffOnCluster, type ServedBff } from '../../../../bff/src/testing/served-bff.ts'
import { ApiClientProvider } from '../api/api-client-context.tsx'
import { createApiClient } from '../api/client.ts'
import { createQueryClient } from '../api/query-client.ts'
import { setCsrfToken } from '../api/csrf.ts'
import { SessionProvider } from '../session/session-context.tsx'
import { Toaster } from '../ui/toaster.tsx'

export interface PageOnBff extends RenderResult {
  bff: ServedBff
  router: ReturnType<typeof createMemoryRouter>
  queryClient: QueryClient
}

/** Starts a cluster and a BFF on it (call `bff.close()` after the test) and renders `url` as `role`. */
export async function renderPageOnBff(opts: { routes: RouteObject[]; url: string; role?: 'admin' | 'operator' | 'viewer'; agents?: number }): Promise<PageOnBff> {
  const bff = await serveBffOnCluster(opts.agents !== undefined ? { agents: opts.agents } : {})
  const user = bff[opts.role ?? 'viewer']
  // The browser would send the session cookie itself; here each request carries it.
  const fetchThroughBff = ((input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    headers.set('cookie', user.cookie)
    return bff.app.request(input instanceof Request ? input : String(input), { ...init, headers })
  }) as typeof fetch
  const api = createApiClient({ baseUrl: 'http://web.test/', fetch: fetchThroughBff })
  const queryClient = createQueryClient({ retry: false })
  const router = createMemoryRouter(opts.routes, { initialEntries: [opts.url] })
  setCsrfToken(user.session.csrfToken)
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>
        <SessionProvider session={user.session}>
          <RouterProvider router={router} />
          <Toaster />
        </SessionProvider>
      </ApiClientProvider>
    </QueryClientProvider>,
  )
  return { ...utils, bff, router, queryClient }
}
