import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { RepositoriesView, Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { RepositoriesPanel } from './repositories-panel.tsx'

const repos: RepositoriesView = { repositories: [{ name: 'Universe', uri: 'https://universe.mesosphere.com/repo' }] }

function renderRepos(role: Role) {
  return renderPage({
    routes: [{ path: '/settings', Component: RepositoriesPanel }],
    url: '/settings',
    role,
    bff: {
      'GET /api/catalog/repositories': repos,
      'POST /api/catalog/repositories': ({ body }: { body: unknown }) => ({ repositories: [...repos.repositories, body] }),
    },
  })
}

describe('RepositoriesPanel', () => {
  it('lets admins add a repository and shows the returned list', async () => {
    const { bff } = renderRepos('admin')
    await screen.findByRole('listitem', { name: 'Universe' })
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'local')
    await userEvent.type(screen.getByRole('textbox', { name: 'URI' }), 'https://repo.local/index.json')
    await userEvent.click(screen.getByRole('button', { name: 'Add repository' }))
    await waitFor(() => expect(within(screen.getByRole('list', { name: /Repositories/ })).getAllByRole('listitem')).toHaveLength(2))
    expect(bff.calls.find((c) => c.method === 'POST')!.body).toEqual({ name: 'local', uri: 'https://repo.local/index.json' })
  })

  it('is read-only for operators', async () => {
    renderRepos('operator')
    await screen.findByRole('listitem', { name: 'Universe' })
    expect(screen.queryByRole('button', { name: 'Add repository' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Remove Universe' })).not.toBeInTheDocument()
  })
})
