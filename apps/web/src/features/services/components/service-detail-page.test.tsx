import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { serviceKeys } from '../api/get-services.ts'
import { makeServiceDetail } from '../testing/service-fixtures.ts'
import { ServiceDetailPage } from './service-detail-page.tsx'

function renderDetail(url = '/services/detail/prod/web', role: Role = 'operator', detail = makeServiceDetail(), scale: unknown = { deploymentId: 'd2', version: 'v2' }) {
  return renderPage({
    routes: [
      { path: '/services/detail/*', Component: ServiceDetailPage },
      { path: '/services', Component: () => <h1>Services list</h1> },
    ],
    url,
    role,
    bff: {
      'GET /api/services//prod/web': detail,
      'POST /api/services//prod/web/scale': scale,
      'DELETE /api/services//prod/web': { deploymentId: 'd3', version: null },
      'DELETE /api/deployments/dep-1': { ok: true },
    },
  })
}

describe('ServiceDetailPage', () => {
  it('shows tasks with host, ports and a logs link; tabs are addressable by URL', async () => {
    const { router } = renderDetail()
    const row = await screen.findByRole('row', { name: /prod_web\.instance/ })
    expect(within(row).getByRole('link', { name: '10.0.1.4' })).toHaveAttribute('href', '/nodes/a1b2-S3')
    expect(within(row).getByText('10001')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: /^Details of prod_web\.instance/ }).getAttribute('href')).toMatch(/^\/tasks\/prod_web\.instance/)
    await userEvent.click(screen.getByRole('tab', { name: 'Endpoints' }))
    expect(router.state.location.search).toBe('?tab=endpoints')
    expect(screen.getByRole('table', { name: 'Endpoints' })).toHaveTextContent('10.0.1.4:10001')
  })

  it('opens the tab named in the URL', async () => {
    renderDetail('/services/detail/prod/web?tab=configuration')
    expect(await screen.findByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('button', { name: 'Roll back to 2026-11-24T09:00:00.000Z' })).toBeInTheDocument()
  })

  it('scales with the typed instance count', async () => {
    const { bff } = renderDetail()
    await userEvent.click(await screen.findByRole('button', { name: 'Scale' }))
    const dialog = screen.getByRole('dialog', { name: 'Scale /prod/web' })
    const input = within(dialog).getByRole('spinbutton', { name: 'Instances' })
    await userEvent.clear(input)
    await userEvent.type(input, '5')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }))
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')?.body).toEqual({ instances: 5 }))
  })

  it('explains a count it cannot take, and shows why Marathon refused one in the dialog', async () => {
    const { bff } = renderDetail('/services/detail/prod/web', 'operator', makeServiceDetail(), () =>
      Response.json({ error: { kind: 'UpstreamRejected', message: 'Too big: 100000 instances exceed the cluster', upstream: { name: 'marathon', status: 422 } } }, { status: 422 }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Scale' }))
    const dialog = screen.getByRole('dialog', { name: 'Scale /prod/web' })
    const input = within(dialog).getByRole('spinbutton', { name: 'Instances' })
    await userEvent.clear(input)
    await userEvent.type(input, '2.5')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('A whole number of instances, 0 or more (0 suspends the service).')
    expect(within(dialog).getByRole('button', { name: 'Scale' })).toBeDisabled()
    await userEvent.clear(input)
    await userEvent.type(input, '100000')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Too big: 100000 instances exceed the cluster')
    expect(bff.calls.filter((c) => c.method === 'POST')).toHaveLength(1)
  })

  it('Debug tab: names the tasks whose health check is failing, with Marathon\'s cause and count, linked to the task', async () => {
    const base = makeServiceDetail()
    const failingTask = { ...base.taskList[0]!, id: 'prod_web.instance-2._app.3', healthy: false, healthCheck: { alive: false, consecutiveFailures: 2, lastFailureCause: '503 Service Unavailable', lastFailure: new Date(Date.now() - 5000).toISOString(), lastSuccess: null } }
    renderDetail('/services/detail/prod/web?tab=debug', 'operator', { ...base, definition: { ...base.definition, healthChecks: [{ protocol: 'MESOS_HTTP', path: '/health' }] }, taskList: [base.taskList[0]!, failingTask] })
    const table = await screen.findByRole('table', { name: 'Failing health checks' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toHaveTextContent('prod_web.instance-2._app.3')
    expect(rows[0]).toHaveTextContent('2')
    expect(rows[0]).toHaveTextContent('503 Service Unavailable')
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', `/tasks/${encodeURIComponent('prod_web.instance-2._app.3')}`)
  })

  it('Debug tab: says when there are no health checks, or when all pass', async () => {
    renderDetail('/services/detail/prod/web?tab=debug')
    expect(await screen.findByText('This service defines no health checks.')).toBeInTheDocument()
    expect(document.title).toBe('/prod/web · Services · Meridian')
  })

  it('a service that does not exist offers the way back to the list, not a retry', async () => {
    renderDetail('/services/detail/prod/web', 'operator', (() => Response.json({ error: { kind: 'NotFound', message: "App '/prod/web' does not exist" } }, { status: 404 })) as unknown as ReturnType<typeof makeServiceDetail>)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("App '/prod/web' does not exist")
    expect(within(alert).getByRole('link', { name: 'All services' })).toHaveAttribute('href', '/services')
    expect(within(alert).queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument()
  })

  it('destroys only after the service name is typed', async () => {
    const { bff, router } = renderDetail()
    await userEvent.click(await screen.findByRole('button', { name: 'Destroy' }))
    const dialog = screen.getByRole('dialog', { name: 'Destroy /prod/web?' })
    const confirm = within(dialog).getByRole('button', { name: 'Destroy service' })
    expect(confirm).toBeDisabled()
    await userEvent.type(within(dialog).getByRole('textbox'), 'web')
    await userEvent.click(confirm)
    await waitFor(() => expect(router.state.location.pathname).toBe('/services'))
    expect(bff.calls.some((c) => c.method === 'DELETE' && c.path === '/api/services//prod/web')).toBe(true)
  })

  it('returns to the list after destroying even when a live update refetched the gone service first', async () => {
    // Marathon answers 404 for the app as soon as it is destroyed. The live stream's
    // service.changed delta can refetch the detail before the DELETE response arrives; the
    // error view that renders unmounts the action bar, which must not swallow the navigation.
    let destroyed = false
    const page = renderPage({
      routes: [
        { path: '/services/detail/*', Component: ServiceDetailPage },
        { path: '/services', Component: () => <h1>Services list</h1> },
      ],
      url: '/services/detail/prod/web',
      role: 'operator',
      bff: {
        'GET /api/services//prod/web': () => (destroyed ? Response.json({ error: { kind: 'NotFound', message: "App '/prod/web' does not exist" } }, { status: 404 }) : makeServiceDetail()),
        'DELETE /api/services//prod/web': async () => {
          destroyed = true
          await page.queryClient.refetchQueries({ queryKey: serviceKeys.detail('/prod/web') })
          // Hold the response until the error view has replaced the page (and its action bar).
          for (let i = 0; i < 200 && !screen.queryByRole('heading', { name: 'Not found' }); i++) await new Promise((r) => setTimeout(r, 10))
          return { deploymentId: 'd3', version: null }
        },
      },
    })
    const { router } = page
    await userEvent.click(await screen.findByRole('button', { name: 'Destroy' }))
    const dialog = screen.getByRole('dialog', { name: 'Destroy /prod/web?' })
    await userEvent.type(within(dialog).getByRole('textbox'), 'web')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Destroy service' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/services'))
    expect(await screen.findByRole('heading', { name: 'Services list' })).toBeInTheDocument()
  })

  it('shows a running deployment with progress and rolls it back', async () => {
    // On its last step (2 of 2) only the first step is done: a stuck last step is not 100%.
    const started = new Date(Date.now() - 3 * 60_000).toISOString()
    const { bff } = renderDetail(undefined, 'operator', makeServiceDetail({ deployments: [{ id: 'dep-1', version: started, affectedServices: ['/prod/web'], currentStep: 2, totalSteps: 2, currentActions: [{ action: 'RestartApplication', service: '/prod/web' }] }] }))
    const dep = await screen.findByLabelText('Deployment dep-1')
    expect(within(dep).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')
    expect(within(dep).getByText(/started 3m/)).toBeInTheDocument()
    await userEvent.click(within(dep).getByRole('button', { name: 'Roll back' }))
    await waitFor(() => expect(bff.calls.some((c) => c.method === 'DELETE' && c.path === '/api/deployments/dep-1')).toBe(true))
  })

  it('shows no write actions to viewers', async () => {
    renderDetail(undefined, 'viewer')
    await screen.findByRole('tab', { name: /Tasks/ })
    expect(screen.queryByRole('button', { name: 'Scale' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Destroy' })).not.toBeInTheDocument()
  })
})
