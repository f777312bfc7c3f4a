import { beforeAll, describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { makeTree } from '../testing/service-fixtures.ts'
import { ServicesPage } from './services-page.tsx'

// jsdom has no layout; give the virtualized scroller a viewport so it renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
})

function renderServices(url = '/services', role: Role = 'operator', create: unknown = { deploymentId: 'd1', version: 'v1' }) {
  return renderPage({ routes: [{ path: '/services', Component: ServicesPage }], url, role, bff: { 'GET /api/services': makeTree(), 'POST /api/services': create } })
}

describe('ServicesPage', () => {
  it('shows the group tree with status, health and instances, and collapses groups', async () => {
    renderServices()
    const web = await screen.findByRole('row', { name: '/prod/web' })
    expect(within(web).getByText('Running')).toBeInTheDocument()
    expect(within(web).getByText('2/2')).toBeInTheDocument()
    expect(within(screen.getByRole('row', { name: '/prod/api' })).getByText('Unhealthy')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Collapse /prod' }))
    expect(screen.queryByRole('row', { name: '/prod/web' })).not.toBeInTheDocument()
    expect(screen.getByRole('row', { name: '/batch' })).toBeInTheDocument()
  })

  it('filters by health from the URL', async () => {
    renderServices('/services?health=Unhealthy')
    await screen.findByRole('row', { name: '/prod/api' })
    expect(screen.queryByRole('row', { name: '/prod/web' })).not.toBeInTheDocument()
    expect(screen.queryByRole('row', { name: '/batch' })).not.toBeInTheDocument()
  })

  it('hides "Run a service" from viewers', async () => {
    renderServices('/services', 'viewer')
    await screen.findByRole('row', { name: '/prod/web' })
    expect(screen.queryByRole('button', { name: 'Run a service' })).not.toBeInTheDocument()
  })

  it('creates a service from the form, keeping JSON edits when switching modes', async () => {
    const { bff } = renderServices()
    await userEvent.click(await screen.findByRole('button', { name: 'Run a service' }))
    const dialog = screen.getByRole('dialog', { name: 'Run a service' })
    const id = within(dialog).getByRole('textbox', { name: 'Service ID' })
    await userEvent.clear(id)
    await userEvent.type(id, '/prod/cache')
    await userEvent.click(within(dialog).getByRole('button', { name: 'JSON' }))
    const json = within(dialog).getByRole('textbox', { name: 'App definition (JSON)' })
    const def = JSON.parse((json as HTMLTextAreaElement).value) as Record<string, unknown>
    expect(def.id).toBe('/prod/cache')
    await userEvent.clear(json)
    await userEvent.click(json)
    await userEvent.paste(JSON.stringify({ ...def, labels: { team: 'cache' } }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Form' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run service' }))
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')).toBeDefined())
    expect(bff.calls.find((c) => c.method === 'POST')!.body).toMatchObject({ id: '/prod/cache', labels: { team: 'cache' } })
  })

  it('blocks invalid input client-side and shows Marathon 422 details on the field', async () => {
    const { bff } = renderServices('/services', 'operator', () =>
      Response.json({ error: { kind: 'ValidationFailed', message: 'Object is not valid', details: [{ path: '/mem', errors: ['got 1, expected 32 or more'] }] } }, { status: 422 }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Run a service' }))
    const dialog = screen.getByRole('dialog')
    const id = within(dialog).getByRole('textbox', { name: 'Service ID' })
    await userEvent.clear(id)
    await userEvent.type(id, 'Bad Id')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run service' }))
    expect(within(dialog).getByText(/Use an absolute id/)).toBeInTheDocument()
    expect(bff.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    await userEvent.clear(id)
    await userEvent.type(id, '/ok')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run service' }))
    expect(await within(dialog).findByText('got 1, expected 32 or more')).toBeInTheDocument()
    expect(within(dialog).getByRole('spinbutton', { name: 'Memory (MiB)' })).toHaveAttribute('aria-invalid', 'true')
  })

  it('says why Marathon refused a service that has no field to point at (409 already exists), in the dialog', async () => {
    renderServices('/services', 'operator', () =>
      Response.json({ error: { kind: 'Conflict', message: 'An app with id [/prod/api/payments] already exists.', upstream: { name: 'marathon', status: 409 } } }, { status: 409 }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Run a service' }))
    const dialog = screen.getByRole('dialog', { name: 'Run a service' })
    const id = within(dialog).getByRole('textbox', { name: 'Service ID' })
    await userEvent.clear(id)
    await userEvent.type(id, '/prod/api/payments')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run service' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('An app with id [/prod/api/payments] already exists.')
    // Cancelled and opened again: the new dialog does not carry the old refusal.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await userEvent.click(screen.getByRole('button', { name: 'Run a service' }))
    expect(within(screen.getByRole('dialog', { name: 'Run a service' })).queryByRole('alert')).not.toBeInTheDocument()
  })

  it('in JSON mode, lists what is wrong with valid JSON of the wrong shape, and drops a parse error once fixed', async () => {
    const { bff } = renderServices()
    await userEvent.click(await screen.findByRole('button', { name: 'Run a service' }))
    const dialog = screen.getByRole('dialog', { name: 'Run a service' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'JSON' }))
    const json = within(dialog).getByRole('textbox', { name: 'App definition (JSON)' })
    await userEvent.clear(json)
    await userEvent.click(json)
    await userEvent.paste('{"id": "/x", ')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run service' }))
    expect(within(dialog).getByRole('alert')).toBeInTheDocument()
    await userEvent.clear(json)
    await userEvent.click(json)
    await userEvent.paste(JSON.stringify({ id: 'Bad Id', cmd: 'sleep 1', cpus: 0.1, mem: 32, instances: 1 }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run service' }))
    const alerts = within(dialog).getAllByRole('alert')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toHaveTextContent('/id')
    expect(alerts[0]).toHaveTextContent(/Use an absolute id/)
    expect(bff.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })
})
