import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ServiceVersionView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { makeServiceDetail } from '../testing/service-fixtures.ts'
import { ServiceDetailPage } from './service-detail-page.tsx'

const V = ['2026-11-25T10:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-23T08:00:00.000Z'] as const
const def = (patch: Record<string, unknown>) => ({ id: '/prod/web', instances: 2, cpus: 0.5, mem: 256, container: { type: 'DOCKER', docker: { image: 'nginx:1.27' } }, ...patch })
const stored: Record<string, ServiceVersionView> = {
  [V[0]]: { id: '/prod/web', version: V[0], definition: def({ mem: 512, container: { type: 'DOCKER', docker: { image: 'nginx:1.28' } } }) },
  [V[1]]: { id: '/prod/web', version: V[1], definition: def({}) },
  [V[2]]: { id: '/prod/web', version: V[2], definition: def({ instances: 1 }) },
}

function renderConfig(versions: string[] = [...V]) {
  return renderPage({
    routes: [{ path: '/services/detail/*', Component: ServiceDetailPage }],
    url: '/services/detail/prod/web?tab=configuration',
    bff: {
      'GET /api/services//prod/web': makeServiceDetail({ version: V[0], versions }),
      ...Object.fromEntries(Object.values(stored).map((s) => [`GET /api/services//prod/web/versions/${s.version}`, s])),
      'GET /api/services//prod/web/versions/2026-11-22T00:00:00.000Z': () =>
        Response.json({ error: { kind: 'NotFound', message: "App '/prod/web' does not exist in version 2026-11-22T00:00:00.000Z" } }, { status: 404 }),
    },
  })
}

const diffView = () => screen.findByLabelText(/^Differences from/)

describe('Configuration tab: version diff', () => {
  it('diffs the previous version against the current one by default', async () => {
    const { bff } = renderConfig()
    const view = await diffView()
    expect(view).toHaveAccessibleName(`Differences from ${V[1]} to ${V[0]}`)
    const removed = [...view.querySelectorAll('.diff-removed')].map((e) => e.textContent)
    const added = [...view.querySelectorAll('.diff-added')].map((e) => e.textContent)
    expect(removed).toEqual(['-removed:       "image": "nginx:1.27"', '-removed:   "mem": 256'])
    expect(added).toEqual(['+added:       "image": "nginx:1.28"', '+added:   "mem": 512'])
    expect(screen.getByText('+2')).toBeInTheDocument()
    expect(bff.calls.filter((c) => c.path.includes('/versions/')).map((c) => c.path).sort()).toEqual([
      `/api/services//prod/web/versions/${V[1]}`,
      `/api/services//prod/web/versions/${V[0]}`,
    ])
  })

  it('compares any two chosen versions, and says when they are equal', async () => {
    renderConfig()
    await diffView()
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Compare from' }), V[2])
    const view = await screen.findByLabelText(`Differences from ${V[2]} to ${V[0]}`)
    expect([...view.querySelectorAll('.diff-removed')].map((e) => e.textContent)).toContain('-removed:   "instances": 1,')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Compare to' }), V[2])
    expect(await screen.findByText('No differences')).toBeInTheDocument()
    expect(within(await diffView()).queryByText(/^[+-]/)).not.toBeInTheDocument()
  })

  it('shows the upstream error when a version cannot be read', async () => {
    renderConfig([V[0], '2026-11-22T00:00:00.000Z'])
    expect(await screen.findByRole('heading', { name: /not found/i })).toBeInTheDocument()
    expect(screen.getByText(/does not exist in version 2026-11-22/)).toBeInTheDocument()
  })

  it('explains that there is nothing to compare with a single version', async () => {
    renderConfig([V[0]])
    expect(await screen.findByRole('heading', { name: 'Nothing to compare yet' })).toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Compare from' })).not.toBeInTheDocument()
  })
})
