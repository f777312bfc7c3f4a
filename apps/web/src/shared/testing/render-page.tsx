/** Renders a page inside the real providers and a memory router, with a fake BFF and a role. */
import { render, type RenderResult } from '@testing-library/react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router'
import type { Role, SessionView } from '@meridian/api'
import { ApiClientProvider } from '../api/api-client-context.tsx'
import { createApiClient } from '../api/client.ts'
import { createQueryClient } from '../api/query-client.ts'
import { setCsrfToken } from '../api/csrf.ts'
import { SessionProvider } from '../session/session-context.tsx'
import { Toaster } from '../ui/toaster.tsx'
import { fakeBff, type FakeBff, type FakeHandler } from './fake-bff.ts'

export interface RenderedPage extends RenderResult {
  bff: FakeBff
  router: ReturnType<typeof createMemoryRouter>
  queryClient: QueryClient
}

export function renderPage(opts: { routes: RouteObject[]; url: string; bff: Record<string, FakeHandler>; role?: Role }): RenderedPage {
  const bff = fakeBff(opts.bff)
  const api = createApiClient({ baseUrl: 'http://web.test/', fetch: bff.fetch })
  const queryClient = createQueryClient({ retry: false })
  const router = createMemoryRouter(opts.routes, { initialEntries: [opts.url] })
  const session: SessionView = { user: { uid: opts.role ?? 'admin', role: opts.role ?? 'admin' }, csrfToken: 'csrf-test', mode: 'demo' }
  setCsrfToken(session.csrfToken)
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>
        <SessionProvider session={session}>
          <RouterProvider router={router} />
          <Toaster />
        </SessionProvider>
      </ApiClientProvider>
    </QueryClientProvider>,
  )
  return { ...utils, bff, router, queryClient }
}
