import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { makeNodeDetail } from '../testing/node-fixtures.ts'
import { NodeDetailPage } from './node-detail-page.tsx'

const node = makeNodeDetail(7)

function renderDetail(role: Role, drain: unknown = { ok: true }) {
  return renderPage({
    routes: [{ path: '/nodes/:id', Component: NodeDetailPage }],
    url: `/nodes/${encodeURIComponent(node.id)}`,
    role,
    bff: { [`GET /api/nodes/${node.id}`]: node, [`POST /api/nodes/${node.id}/drain`]: drain },
  })
}

describe('NodeDetailPage', () => {
  it('shows the node, its resources and its active tasks with detail and log links', async () => {
    renderDetail('viewer')
    expect(await screen.findByRole('heading', { name: /agent-0007\.dc1\.internal/ })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Active (1)' })).toHaveAttribute('aria-selected', 'true')
    const tasks = screen.getByRole('table', { name: 'Active tasks' })
    expect(within(tasks).getAllByRole('row')).toHaveLength(2)
    expect(within(tasks).getByRole('link', { name: 'Logs of web' })).toHaveAttribute('href', `/logs/${encodeURIComponent(node.tasks[0]!.id)}`)
    expect(within(tasks).getByRole('link', { name: 'Details of web' })).toHaveAttribute('href', `/tasks/${encodeURIComponent(node.tasks[0]!.id)}`)
  })

  it('lists terminal tasks under Completed, and the tab is in the URL', async () => {
    const { router } = renderDetail('viewer')
    await userEvent.click(await screen.findByRole('tab', { name: 'Completed (1)' }))
    const completed = screen.getByRole('table', { name: 'Completed tasks' })
    expect(within(completed).getByRole('link', { name: 'Details of nightly-backup' })).toBeInTheDocument()
    expect(within(completed).queryByText('web')).not.toBeInTheDocument()
    expect(router.state.location.search).toBe('?tasks=completed')
  })

  it('hides maintenance actions from operators and viewers', async () => {
    renderDetail('operator')
    await screen.findByRole('heading', { name: /agent-0007/ })
    expect(screen.queryByRole('button', { name: 'Drain' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Deactivate' })).not.toBeInTheDocument()
  })

  it('drains after confirmation, sending the grace period and the CSRF header', async () => {
    const { bff } = renderDetail('admin')
    await userEvent.click(await screen.findByRole('button', { name: 'Drain' }))
    const dialog = screen.getByRole('dialog', { name: /Drain agent-0007/ })
    await userEvent.type(within(dialog).getByRole('spinbutton'), '30')
    expect(bff.calls.some((c) => c.method === 'POST')).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Drain' }))
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')).toBeDefined())
    const post = bff.calls.find((c) => c.method === 'POST')!
    expect(post.path).toBe(`/api/nodes/${node.id}/drain`)
    expect(post.body).toEqual({ maxGracePeriodSeconds: 30 })
    expect(post.headers.get('x-meridian-csrf')).toBe('csrf-test')
    expect(await screen.findByText(`Drain: ${node.hostname}`)).toBeInTheDocument()
  })

  it('cancelling the confirmation sends nothing', async () => {
    const { bff } = renderDetail('admin')
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate' }))
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(bff.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('shows the BFF error in a toast when the master refuses', async () => {
    renderDetail('admin', () => Response.json({ error: { kind: 'UpstreamRejected', message: 'Agent is already draining' } }, { status: 502 }))
    await userEvent.click(await screen.findByRole('button', { name: 'Drain' }))
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Drain' }))
    expect(await screen.findByText('Agent is already draining')).toBeInTheDocument()
  })
})
