import { describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { RouterProvider, createMemoryRouter } from 'react-router'
import type { ClusterInfoView, DashboardView, NodesListView, SessionView } from '@meridian/api'
import { AuthGate } from '#features/auth/components/auth-gate.tsx'
import { createApiClient } from '#shared/api/client.ts'
import { createQueryClient } from '#shared/api/query-client.ts'
import { fakeBff } from '#shared/testing/fake-bff.ts'
import { makeNode } from '#features/nodes/testing/node-fixtures.ts'
import { AppProviders } from './providers.tsx'
import { appRoutes } from './routes.tsx'
import { useThemeStore } from './theme/theme-store.ts'

const session: SessionView = { user: { uid: 'ops', role: 'operator' }, csrfToken: 'tok-1', mode: 'demo' }
const dashboard: DashboardView = {
  allocated: { cpus: 2, mem: 1024, disk: 0, gpus: 0 },
  total: { cpus: 8, mem: 4096, disk: 100, gpus: 0 },
  history: [],
  tasksByState: { TASK_RUNNING: 4 },
  nodes: { total: 3, healthy: 2, unhealthy: 1, maintenance: 0 },
  services: { total: 2, byStatus: { Running: 2 }, unhealthy: 0 },
  jobs: null,
  plans: null,
  degraded: ['metronome'],
}
const clusterInfo: ClusterInfoView = {
  name: 'meridian-demo',
  named: true,
  mode: 'demo',
  mesos: { version: '1.11.0', leader: { id: 'm1', hostname: 'master.mesos', pid: 'master@10.0.0.1:5050', electedAt: '2026-11-25T12:00:00.000Z' } },
  dcos: { version: '2.2.5', variant: 'open', clusterId: '7c3b1a9e-2f4d-4e8a-9b6c-1d2e3f4a5b6c', publicIp: '10.0.5.4' },
}
const nodes: NodesListView = { nodes: [makeNode(1), makeNode(2)], total: 2 }

function renderApp(loggedIn: boolean, url = '/', mode: 'demo' | 'cluster' = 'demo') {
  let authed = loggedIn
  const bff = fakeBff({
    'GET /api/health': { ok: true, mode },
    'GET /api/session': () => (authed ? session : Response.json({ error: { kind: 'Unauthenticated', message: 'Log in' } }, { status: 401 })),
    'POST /api/session/login': ({ body }: { body: unknown }) => {
      const b = body as { uid: string; password: string }
      if (b.password !== 'secret') return Response.json({ error: { kind: 'Unauthenticated', message: 'Invalid username or password' } }, { status: 401 })
      authed = true
      return session
    },
    'POST /api/session/logout': () => {
      authed = false
      return { ok: true }
    },
    'GET /api/dashboard': dashboard,
    'GET /api/cluster': clusterInfo,
    'GET /api/nodes': nodes,
    'GET /api/services': { root: { id: '/', name: '/', groups: [], services: [], summary: { services: 0, running: 0, unhealthy: 0, resources: { cpus: 0, mem: 0, disk: 0, gpus: 0 } } } },
  })
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] })
  render(
    <AppProviders api={createApiClient({ baseUrl: 'http://web.test/', fetch: bff.fetch })} queryClient={createQueryClient({ retry: false })}>
      <AuthGate>
        <RouterProvider router={router} />
      </AuthGate>
    </AppProviders>,
  )
  return { bff, router }
}

describe('app shell', () => {
  it('tells demo users how to sign in, and cluster users to use their account', async () => {
    renderApp(false, '/')
    expect(await screen.findByText(/the password is the user name/)).toHaveTextContent('Embedded demo cluster: sign in as admin, operator or viewer')
    cleanup()
    renderApp(false, '/', 'cluster')
    expect(await screen.findByText('Use your cluster account.')).toBeInTheDocument()
    expect(screen.queryByText(/the password is the user name/)).not.toBeInTheDocument()
  })

  it('asks for a login, shows a wrong password inline, then opens the requested page', async () => {
    const { router } = renderApp(false, '/nodes')
    await userEvent.type(await screen.findByLabelText('User name'), 'ops')
    await userEvent.type(screen.getByLabelText('Password'), 'nope')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Wrong user name or password.')).toBeInTheDocument()
    await userEvent.clear(screen.getByLabelText('Password'))
    await userEvent.type(screen.getByLabelText('Password'), 'secret')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Nodes', level: 1 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/nodes')
  })

  it('shows navigation, cluster health and the user role, and logs out', async () => {
    const { bff } = renderApp(true)
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    for (const name of ['Dashboard', 'Services', 'Jobs', 'Catalog', 'Nodes', 'Plans', 'Settings']) expect(within(nav).getByRole('link', { name })).toBeInTheDocument()
    expect(await screen.findByText('Degraded')).toBeInTheDocument()
    // The real cluster name (Mesos --cluster), with version and leader on hover.
    expect(await screen.findByText('meridian-demo')).toHaveAttribute('title', 'Embedded demo cluster · DC/OS 2.2.5 (open) · Mesos 1.11.0 · leader master.mesos')
    expect(screen.queryByText('Demo cluster')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'User menu for ops' }))
    expect(screen.getByRole('menu')).toHaveTextContent('Operator')
    await userEvent.click(screen.getByRole('menuitem', { name: /Sign out/ }))
    await waitFor(() => expect(bff.calls.some((c) => c.method === 'POST' && c.path === '/api/session/logout')).toBe(true))
    expect(bff.calls.find((c) => c.path === '/api/session/logout')!.headers.get('x-meridian-csrf')).toBe('tok-1')
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
  })

  it('opens the command palette with Ctrl+K and jumps to a node', async () => {
    const { router } = renderApp(true)
    await screen.findByRole('navigation', { name: 'Main' })
    await userEvent.keyboard('{Control>}k{/Control}')
    const input = await screen.findByRole('combobox', { name: /Search pages/ })
    await userEvent.type(input, 'agent-0002')
    expect(await screen.findByRole('option', { name: /agent-0002/ })).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe(`/nodes/${encodeURIComponent(nodes.nodes[1]!.id)}`))
    expect(screen.queryByRole('dialog', { name: 'Jump to' })).not.toBeInTheDocument()
  })

  it('shows what the console is connected to on the settings page', async () => {
    renderApp(true, '/settings')
    const details = await screen.findByLabelText('Cluster details')
    expect(details).toHaveTextContent('Namemeridian-demo')
    expect(details).toHaveTextContent('DC/OS2.2.5 (open)')
    expect(details).toHaveTextContent('Cluster ID7c3b1a9e-2f4d-4e8a-9b6c-1d2e3f4a5b6c')
    expect(details).toHaveTextContent('Mesos1.11.0')
  })

  it('toggles and persists the theme', async () => {
    renderApp(true, '/settings')
    await userEvent.click(await screen.findByRole('button', { name: 'Dark' }))
    expect(useThemeStore.getState().choice).toBe('dark')
    expect(JSON.parse(localStorage.getItem('meridian-theme')!).state.choice).toBe('dark')
    await userEvent.click(screen.getByRole('button', { name: 'Match system' }))
    expect(useThemeStore.getState().choice).toBe('system')
  })
})
