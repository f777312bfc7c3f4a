import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentNodesView, ComponentsView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { ComponentsCard } from './components-card.tsx'

const components: ComponentsView = {
  components: [
    { id: 'dcos-mesos-slave.service', name: 'Mesos Agent', description: 'Mesos Agent: distributed systems kernel agent', health: 'unhealthy' },
    { id: 'dcos-marathon.service', name: 'Marathon', description: null, health: 'healthy' },
  ],
  counts: { healthy: 1, unhealthy: 1, warning: 0, unknown: 0 },
}
const nodes: ComponentNodesView = {
  component: 'dcos-mesos-slave.service',
  nodes: [
    { ip: '10.0.1.7', role: 'agent', health: 'unhealthy' },
    { ip: '10.0.1.4', role: 'agent', health: 'healthy' },
  ],
}

describe('ComponentsCard', () => {
  it('summarizes health, lists components as given, and opens one onto its nodes', async () => {
    const page = renderPage({ routes: [{ path: '/', Component: ComponentsCard }], url: '/', bff: { 'GET /api/cluster/components': components, 'GET /api/cluster/components/dcos-mesos-slave.service/nodes': nodes } })
    const list = await screen.findByRole('list', { name: 'DC/OS components' })
    expect(screen.getByRole('heading', { name: /Components/ })).toHaveTextContent('1 of 2 healthy')
    const rows = within(list).getAllByRole('button')
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual(['Mesos Agent (dcos-mesos-slave.service): Unhealthy', 'Marathon (dcos-marathon.service): Healthy'])
    expect(page.bff.calls.some((c) => c.path.endsWith('/nodes'))).toBe(false)

    await userEvent.click(rows[0]!)
    expect(rows[0]).toHaveAttribute('aria-expanded', 'true')
    const table = await screen.findByRole('table', { name: 'Nodes running dcos-mesos-slave.service' })
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['10.0.1.7private agentUnhealthy', '10.0.1.4private agentHealthy'])
    expect(screen.getByText('Mesos Agent: distributed systems kernel agent')).toBeInTheDocument()
    await userEvent.click(rows[0]!)
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('says all are healthy when they are', async () => {
    renderPage({ routes: [{ path: '/', Component: ComponentsCard }], url: '/', bff: { 'GET /api/cluster/components': { components: [components.components[1]], counts: { healthy: 1, unhealthy: 0, warning: 0, unknown: 0 } } } })
    expect(await screen.findByText('All 1 healthy')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: /Components/ })).toHaveTextContent('All 1 healthy')
  })

  it('degrades to a note, not a broken dashboard, when the cluster has no diagnostics', async () => {
    renderPage({
      routes: [{ path: '/', Component: ComponentsCard }],
      url: '/',
      bff: { 'GET /api/cluster/components': () => Response.json({ error: { kind: 'UpstreamUnavailable', message: 'DC/OS answered 503', upstream: { name: 'dcos', status: 503 } } }, { status: 503 }) },
    })
    expect(await screen.findByRole('status')).toHaveTextContent('Component health unavailable: DC/OS answered 503')
  })
})
