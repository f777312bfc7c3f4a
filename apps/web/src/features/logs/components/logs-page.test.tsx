import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { LogChunkView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { LogsPage } from './logs-page.tsx'

const taskId = 'web.instance-1._app.1'
const tail: LogChunkView = { taskId, stream: 'stdout', data: 'GET /health 200\nGET /api 500\n', offset: 15, size: 44, hasMoreBefore: true }
const older: LogChunkView = { taskId, stream: 'stdout', data: 'booting web\n..\n', offset: 0, size: 44, hasMoreBefore: false }

function renderLogs(url = `/logs/${taskId}`) {
  return renderPage({
    routes: [{ path: '/logs/:taskId', Component: LogsPage }],
    url,
    bff: {
      [`GET /api/tasks/${taskId}/logs`]: ({ url }: { url: URL }) => {
        if (url.searchParams.get('stream') === 'stderr') return { ...tail, stream: 'stderr', data: 'warning: low memory\n', offset: 0, hasMoreBefore: false }
        return url.searchParams.get('before') === '15' ? older : tail
      },
    },
  })
}

describe('LogsPage', () => {
  it('shows the tail and loads older bytes in front of it', async () => {
    renderLogs()
    const log = await screen.findByRole('log')
    expect(log).toHaveTextContent('GET /api 500')
    await userEvent.click(screen.getByRole('button', { name: 'Load older' }))
    await waitFor(() => expect(log.textContent!.indexOf('booting web')).toBe(0))
    expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument()
  })

  it('filters lines by search and switches streams via the URL', async () => {
    const { router } = renderLogs()
    await screen.findByRole('log')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the log' }), '500')
    expect(screen.getByRole('log')).not.toHaveTextContent('GET /health')
    expect(screen.getByText('1 matching line')).toBeInTheDocument()
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search the log' }))
    await userEvent.click(screen.getByRole('button', { name: 'stderr' }))
    expect(router.state.location.search).toContain('stream=stderr')
    expect(await screen.findByText('warning: low memory')).toBeInTheDocument()
  })

  it('pauses and resumes following, kept in the URL', async () => {
    const { router } = renderLogs()
    await screen.findByRole('log')
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }))
    expect(router.state.location.search).toContain('paused=1')
    expect(screen.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true')
  })
})
