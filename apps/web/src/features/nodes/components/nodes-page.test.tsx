import { beforeAll, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { NodesListView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { makeNode } from '../testing/node-fixtures.ts'
import { NodesPage } from './nodes-page.tsx'

// jsdom has no layout; give the virtualized scroller a viewport so it renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
})

const list: NodesListView = {
  nodes: [
    makeNode(1),
    makeNode(2, { health: 'unreachable', allocated: { cpus: 8, mem: 32_768, disk: 0, gpus: 0 } }),
    makeNode(3, { public: true, maintenance: 'draining', health: 'draining' }),
  ],
  total: 3,
}

function renderNodes(url = '/nodes', nodes: NodesListView = list) {
  return renderPage({ routes: [{ path: '/nodes', Component: NodesPage }], url, bff: { 'GET /api/nodes': nodes } })
}

describe('NodesPage', () => {
  it('lists nodes as rows named by hostname, with utilization meters', async () => {
    renderNodes()
    const row = await screen.findByRole('row', { name: 'agent-0001.dc1.internal' })
    expect(within(row).getByRole('link', { name: 'agent-0001.dc1.internal' })).toHaveAttribute('href', `/nodes/${encodeURIComponent(list.nodes[0]!.id)}`)
    expect(within(row).getByRole('meter', { name: 'CPU allocated' })).toHaveAttribute('aria-valuenow', '25')
    expect(screen.getByRole('row', { name: 'agent-0002.dc1.internal' })).toBeInTheDocument()
    expect(screen.getByText('3 of 3 agents')).toBeInTheDocument()
  })

  it('applies filters from the URL and writes new ones back', async () => {
    const { router } = renderNodes('/nodes?health=unreachable')
    await screen.findByRole('row', { name: 'agent-0002.dc1.internal' })
    expect(screen.queryByRole('row', { name: 'agent-0001.dc1.internal' })).not.toBeInTheDocument()
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'public')
    await waitFor(() => expect(router.state.location.search).toContain('type=public'))
    expect(await screen.findByRole('heading', { name: 'No nodes match these filters' })).toBeInTheDocument()
  })

  it('sorts by a column and records the sort in the URL', async () => {
    const { router } = renderNodes()
    await screen.findByRole('row', { name: 'agent-0001.dc1.internal' })
    await userEvent.click(screen.getByRole('button', { name: 'Sort by CPU' }))
    await waitFor(() => expect(router.state.location.search).toContain('sort=cpus'))
    await userEvent.click(screen.getByRole('button', { name: 'Sort by CPU' }))
    await waitFor(() => expect(router.state.location.search).toContain('dir=desc'))
    const rows = screen.getAllByRole('row').slice(1)
    expect(rows[0]).toHaveAccessibleName('agent-0002.dc1.internal')
  })

  it('switches to the grid and capacity views', async () => {
    renderNodes()
    await screen.findByRole('row', { name: 'agent-0001.dc1.internal' })
    await userEvent.click(screen.getByRole('button', { name: /Grid/ }))
    expect(within(screen.getByRole('list', { name: 'Nodes' })).getAllByRole('listitem')).toHaveLength(3)
    await userEvent.click(screen.getByRole('button', { name: /Capacity/ }))
    // node 1: 6 cpu / 28 GiB free → 6 typical (1 cpu, 2 GiB) tasks; node 2 full; node 3 not schedulable
    expect(screen.getByLabelText('Typical tasks that still fit')).toHaveTextContent('6')
  })

  it('renders 10,000 agents without putting 10,000 rows in the DOM', async () => {
    const many: NodesListView = { nodes: Array.from({ length: 10_000 }, (_, i) => makeNode(i)), total: 10_000 }
    renderNodes('/nodes', many)
    await screen.findByRole('row', { name: 'agent-0000.dc1.internal' })
    expect(screen.getByRole('table', { name: 'Nodes' })).toHaveAttribute('aria-rowcount', '10001')
    expect(screen.getAllByRole('row').length).toBeLessThan(60)
  })

  it('shows a designed error state when the BFF fails', async () => {
    renderPage({
      routes: [{ path: '/nodes', Component: NodesPage }],
      url: '/nodes',
      bff: { 'GET /api/nodes': () => Response.json({ error: { kind: 'UpstreamUnavailable', message: 'mesos master timed out' } }, { status: 503 }) },
    })
    expect(await screen.findByRole('heading', { name: 'The cluster is unreachable' })).toBeInTheDocument()
    expect(screen.getByText('mesos master timed out')).toBeInTheDocument()
  })
})
