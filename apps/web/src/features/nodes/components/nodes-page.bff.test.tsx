/** The Nodes page against the real BFF and an embedded cluster (no fakes on the data path). */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderPageOnBff, type PageOnBff } from '#shared/testing/render-page-on-bff.tsx'
import { NodesPage } from './nodes-page.tsx'

// jsdom has no layout; give the virtualized scroller a viewport so it renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
})

let page: PageOnBff | undefined
afterEach(async () => {
  await page?.bff.close()
  page = undefined
})

// Booting a cluster and a BFF per test takes a few seconds on a shared two-core CI machine.
describe('NodesPage on the real BFF and embedded cluster', { timeout: 30_000 }, () => {
  it('lists every demo agent the Mesos master reports, by hostname', async () => {
    page = await renderPageOnBff({ routes: [{ path: '/nodes', Component: NodesPage }], url: '/nodes', agents: 4 })
    expect(await screen.findByText('4 of 4 agents')).toBeInTheDocument()
    // The hostnames as the cluster's Mesos master serves them over HTTP.
    const summary = (await (await fetch(`${page.bff.served.baseUrl}/mesos/master/state-summary`)).json()) as { slaves: Array<{ id: string; hostname: string; attributes?: Record<string, unknown> }> }
    expect(summary.slaves).toHaveLength(4)
    for (const agent of summary.slaves) {
      const row = screen.getByRole('row', { name: agent.hostname })
      expect(within(row).getByRole('link', { name: agent.hostname })).toHaveAttribute('href', `/nodes/${encodeURIComponent(agent.id)}`)
      expect(within(row).getByRole('meter', { name: 'CPU allocated' })).toBeInTheDocument()
    }
    expect(page.bff.calls).toContain('GET /mesos/master/state-summary')
  })

  it('filters the real agents by type through the URL', async () => {
    page = await renderPageOnBff({ routes: [{ path: '/nodes', Component: NodesPage }], url: '/nodes', agents: 5 })
    await screen.findByText('5 of 5 agents')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'public')
    // The demo cluster has one public agent (slave_public role) among five.
    expect(await screen.findByText('1 of 5 agents')).toBeInTheDocument()
    expect(page.router.state.location.search).toContain('type=public')
  })
})
