import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CatalogPackageDetailView, CatalogSearchView, InstalledPackagesView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { CatalogPage } from './catalog-page.tsx'
import { PackagePage } from './package-page.tsx'

const search: CatalogSearchView = {
  packages: [
    { name: 'cassandra', currentVersion: '2.10.0', versions: ['2.10.0'], description: 'Apache Cassandra', framework: true, tags: ['database'], selected: true, icon: null },
    { name: 'jenkins', currentVersion: '3.6.1', versions: ['3.6.1'], description: 'CI server', framework: false, tags: ['ci'], selected: false, icon: null },
  ],
  tags: [
    { tag: 'database', count: 1 },
    { tag: 'ci', count: 1 },
  ],
}
const installed: InstalledPackagesView = { packages: [{ appId: '/cassandra', packageName: 'cassandra', packageVersion: '2.10.0', description: '', framework: true }] }
const detail: CatalogPackageDetailView = {
  name: 'jenkins',
  version: '3.6.1',
  versions: ['3.6.1', '3.5.0'],
  description: 'CI server',
  maintainer: 'support@mesosphere.io',
  tags: ['ci'],
  selected: false,
  framework: false,
  website: null,
  preInstallNotes: null,
  postInstallNotes: null,
  licenses: [],
  images: null,
  configSchema: { type: 'object', properties: { service: { type: 'object', properties: { name: { type: 'string', default: 'jenkins' }, cpus: { type: 'number', default: 1, minimum: 0.1 } }, required: ['name'] } } },
}

function renderCatalog(url: string, install: unknown = { packageName: 'jenkins', packageVersion: '3.6.1', appId: '/jenkins', postInstallNotes: null }) {
  return renderPage({
    routes: [
      { path: '/catalog', Component: CatalogPage },
      { path: '/catalog/:name', Component: PackagePage },
      { path: '/services/detail/*', Component: () => <h1>Service page</h1> },
    ],
    url,
    role: 'operator',
    bff: {
      'GET /api/catalog/packages': ({ url }: { url: URL }) => (url.searchParams.get('tag') === 'ci' ? { ...search, packages: [search.packages[1]] } : search),
      'GET /api/catalog/installed': installed,
      'GET /api/catalog/packages/jenkins': detail,
      'POST /api/catalog/install': install,
    },
  })
}

describe('CatalogPage', () => {
  it('shows a package grid and filters by tag through the URL', async () => {
    const { router } = renderCatalog('/catalog')
    const grid = await screen.findByRole('list', { name: 'Packages' })
    expect(within(grid).getAllByRole('listitem')).toHaveLength(2)
    await userEvent.click(screen.getByRole('button', { name: /^ci/ }))
    await waitFor(() => expect(router.state.location.search).toContain('tag=ci'))
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Packages' })).getAllByRole('listitem')).toHaveLength(1))
  })

  it('lists installed packages with uninstall', async () => {
    renderCatalog('/catalog?view=installed')
    const row = await screen.findByRole('row', { name: '/cassandra' })
    expect(within(row).getByRole('button', { name: 'Uninstall /cassandra' })).toBeInTheDocument()
  })

  it('installs from the generated form and opens the new service', async () => {
    const { bff, router } = renderCatalog('/catalog/jenkins')
    await userEvent.click(await screen.findByRole('button', { name: 'Configure and install' }))
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    await userEvent.click(screen.getByRole('button', { name: 'Install jenkins' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/detail/jenkins'))
    expect(bff.calls.find((c) => c.path === '/api/catalog/install')!.body).toEqual({ packageName: 'jenkins', packageVersion: '3.6.1', options: { service: { name: 'jenkins', cpus: 1 } } })
  })

  it('puts the BFF schema errors on the form fields', async () => {
    renderCatalog('/catalog/jenkins', () =>
      Response.json({ error: { kind: 'ValidationFailed', message: 'Options do not match', details: [{ path: '/service/cpus', errors: ['must be >= 0.5'] }] } }, { status: 422 }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Configure and install' }))
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    await userEvent.click(screen.getByRole('button', { name: 'Install jenkins' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('/service/cpus: must be >= 0.5')
    await userEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('spinbutton', { name: 'Cpus' })).toHaveAccessibleDescription('must be >= 0.5')
  })
})
