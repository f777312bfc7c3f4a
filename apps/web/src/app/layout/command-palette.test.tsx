import { afterEach, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import type { NodesListView, Role } from '@meridian/api'
import { makeNode } from '#features/nodes/testing/node-fixtures.ts'
import { makeService } from '#features/services/testing/service-fixtures.ts'
import { renderPage } from '#shared/testing/render-page.tsx'
import { useThemeStore } from '../theme/theme-store.ts'
import { CommandPalette } from './command-palette.tsx'

const emptySummary = { services: 1, running: 1, unhealthy: 0, resources: { cpus: 0, mem: 0, disk: 0, gpus: 0 } }
const nodes: NodesListView = { nodes: [makeNode(1), makeNode(2, { health: 'draining' })], total: 2 }

function PaletteHost() {
  const [open, setOpen] = useState(true)
  return open ? <CommandPalette onClose={() => setOpen(false)} /> : <p>closed</p>
}

function renderPalette(role: Role) {
  return renderPage({
    routes: [
      { path: '/', Component: PaletteHost },
      { path: '/catalog/:name', Component: () => <h1>package page</h1> },
    ],
    url: '/',
    role,
    bff: {
      'GET /api/nodes': nodes,
      'GET /api/services': { root: { id: '/', name: '/', groups: [], services: [makeService('/prod/web', { instances: 2 })], summary: emptySummary } },
      'GET /api/jobs': { jobs: [{ id: 'nightly-backup' }] },
      'GET /api/catalog/packages': { packages: [{ name: 'kafka' }] },
      'POST /api/services//prod/web/scale': { deploymentId: 'd1', version: 'v2' },
      'POST /api/services//prod/web/restart': { deploymentId: 'd2', version: 'v3' },
      [`POST /api/nodes/${nodes.nodes[0]!.id}/drain`]: { ok: true },
      'POST /api/session/logout': { ok: true },
    },
  })
}

const input = () => screen.getByRole('combobox')
afterEach(() => useThemeStore.setState({ choice: 'system' }))

describe('CommandPalette commands', () => {
  it('shows a viewer only the theme and log-out commands', async () => {
    renderPalette('viewer')
    await userEvent.type(input(), 'e')
    const kinds = screen.getAllByRole('option').filter((o) => o.textContent?.endsWith('command'))
    expect(kinds.map((o) => o.textContent)).toEqual(['Toggle themecommand'])
    await userEvent.clear(input())
    await userEvent.type(input(), 'scale')
    expect(screen.queryByRole('option', { name: /Scale service/ })).not.toBeInTheDocument()
  })

  it('scales a service: command, then service, then instance count', async () => {
    const { bff } = renderPalette('operator')
    await userEvent.type(input(), 'scale')
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByRole('combobox', { name: 'Scale which service?' })).toHaveValue('')
    await userEvent.type(input(), 'web')
    await userEvent.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Scale /prod/web' })
    const count = within(dialog).getByRole('spinbutton')
    expect(count).toHaveValue(2)
    await userEvent.clear(count)
    await userEvent.type(count, '4')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }))
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/services//prod/web/scale', body: { instances: 4 } }))
    expect(await screen.findByText('closed')).toBeInTheDocument()
  })

  it('asks before restarting, and cancelling sends nothing', async () => {
    const { bff } = renderPalette('operator')
    await userEvent.type(input(), 'restart')
    await userEvent.keyboard('{Enter}')
    await userEvent.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Restart /prod/web?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(await screen.findByText('closed')).toBeInTheDocument()
    expect(bff.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('drains only active nodes, for admins, after confirmation; Backspace goes back a step', async () => {
    const { bff } = renderPalette('admin')
    await userEvent.type(input(), 'drain')
    await userEvent.keyboard('{Enter}')
    await screen.findByRole('combobox', { name: 'Drain which node?' })
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([`${nodes.nodes[0]!.hostname}node`])
    await userEvent.keyboard('{Backspace}')
    expect(await screen.findByRole('combobox', { name: /Search pages/ })).toBeInTheDocument()
    await userEvent.keyboard('drain{Enter}{Enter}')
    const dialog = await screen.findByRole('dialog', { name: `Drain ${nodes.nodes[0]!.hostname}?` })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Drain' }))
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')?.path).toBe(`/api/nodes/${nodes.nodes[0]!.id}/drain`))
  })

  it('opens the install form of a chosen package, and toggles the theme at once', async () => {
    const { router } = renderPalette('operator')
    await userEvent.type(input(), 'install')
    await userEvent.keyboard('{Enter}')
    await userEvent.type(await screen.findByRole('combobox', { name: 'Install which package?' }), 'kafka')
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/catalog/kafka?install=1'))
    await router.navigate('/')
    await userEvent.type(await screen.findByRole('combobox'), 'toggle theme')
    await userEvent.keyboard('{Enter}')
    expect(['light', 'dark']).toContain(useThemeStore.getState().choice)
  })
})
