/**
 * Signing out closes every open event stream (live updates and a followed log) before the
 * logout request goes out, and a live stream the BFF then refuses (401) leads to the login page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SessionView } from '@meridian/api'
import { QueryClientProvider } from '@tanstack/react-query'
import { ApiClientProvider } from '#shared/api/api-client-context.tsx'
import { createApiClient } from '#shared/api/client.ts'
import { createQueryClient } from '#shared/api/query-client.ts'
import { FakeEventSource } from '#shared/live/fake-event-source.ts'
import { LiveProvider } from '#shared/live/live-provider.tsx'
import { trackStream } from '#shared/live/open-streams.ts'
import { fakeBff } from '#shared/testing/fake-bff.ts'
import { AuthGate } from '../components/auth-gate.tsx'
import { sessionKeys } from './get-session.ts'
import { useLogout } from './logout.ts'

const session: SessionView = { user: { uid: 'ops', role: 'operator' }, csrfToken: 'tok-1', mode: 'demo' }

beforeEach(() => {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => vi.unstubAllGlobals())

function SignOut() {
  const logout = useLogout()
  return (
    <button type="button" onClick={() => logout.mutate()}>
      Sign out
    </button>
  )
}

function renderApp() {
  let authed = true
  let openAtLogout = -1
  const bff = fakeBff({
    'GET /api/session': () => (authed ? session : Response.json({ error: { kind: 'Unauthenticated', message: 'Log in' } }, { status: 401 })),
    'POST /api/session/logout': () => {
      openAtLogout = FakeEventSource.open().length
      authed = false
      return { ok: true }
    },
  })
  const qc = createQueryClient({ retry: false })
  render(
    <QueryClientProvider client={qc}>
      <ApiClientProvider client={createApiClient({ baseUrl: 'http://web.test/', fetch: bff.fetch })}>
        <AuthGate>
          <LiveProvider applyDelta={vi.fn()} onRefused={() => void qc.invalidateQueries({ queryKey: sessionKeys.all })}>
            <SignOut />
          </LiveProvider>
        </AuthGate>
      </ApiClientProvider>
    </QueryClientProvider>,
  )
  return {
    expire: () => (authed = false),
    get openAtLogout() {
      return openAtLogout
    },
  }
}

describe('sign-out and event streams', () => {
  it('closes the live stream and a followed log before logging out, and opens none after', async () => {
    const app = renderApp()
    await screen.findByRole('button', { name: 'Sign out' })
    expect(FakeEventSource.open()).toHaveLength(1)
    // A task log being followed (use-task-log tracks its EventSource the same way).
    const follow = new FakeEventSource('/api/tasks/t1/logs/follow?stream=stdout&offset=0')
    trackStream(follow)
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await screen.findByRole('button', { name: /sign in/i })
    expect(app.openAtLogout).toBe(0)
    expect(follow.closed).toBe(true)
    expect(FakeEventSource.open()).toHaveLength(0)
  })

  it('a live stream refused after the session expired leads to the login page', async () => {
    const app = renderApp()
    await screen.findByRole('button', { name: 'Sign out' })
    app.expire()
    act(() => FakeEventSource.instances[0]!.refuse())
    await screen.findByRole('button', { name: /sign in/i })
    expect(FakeEventSource.open()).toHaveLength(0)
  })
})
