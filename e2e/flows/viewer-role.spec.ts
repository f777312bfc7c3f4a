import { expect, loginAs, test } from '../fixtures.ts'
import { CatalogPage } from '../pages/catalog-page.ts'
import { ServicesPage } from '../pages/services-page.ts'

interface ErrorEnvelope {
  error: { kind: string; message: string }
}
interface MarathonApp {
  instances: number
  version: string
}

const ORDERS = '/prod/api/orders'

test('a viewer sees no install or scale controls, and the BFF refuses them with 403', async ({ page, cluster }) => {
  const csrf = await loginAs(page, 'viewer')
  await page.goto('/')

  // Catalog: the package page offers no install.
  const catalog = new CatalogPage(page)
  await catalog.open()
  const kafka = await catalog.openPackage('kafka')
  await expect(page.getByRole('combobox', { name: 'Version' })).toBeVisible()
  await expect(page.getByRole('button', { name: /install/i })).toHaveCount(0)
  await expect(kafka.form).toHaveCount(0)

  // Services: no way to create, and a service's page has no Scale (nor any other write action).
  const services = new ServicesPage(page)
  await services.open()
  await expect(services.row(ORDERS)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Run a service' })).toHaveCount(0)
  const orders = await services.openService(ORDERS)
  await orders.expectRunning(3)
  for (const action of ['Scale', 'Restart', 'Suspend', 'Edit', 'Destroy']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0)
  }
  await orders.openTab('Configuration')
  await expect(orders.versionList().getByRole('button', { name: /^Roll back/ })).toHaveCount(0)

  // The BFF enforces the role itself: with the viewer's own cookie and a valid CSRF token,
  // both writes are 403 Forbidden for the role (not for the token), and nothing changed.
  const before = (await cluster.get<{ app: MarathonApp }>(`/service/marathon/v2/apps${ORDERS}`)).app
  const headers = { 'x-meridian-csrf': csrf }
  const scale = await page.request.post(`/api/services/${encodeURIComponent(ORDERS)}/scale`, { headers, data: { instances: 5 } })
  expect(scale.status()).toBe(403)
  const scaleBody = (await scale.json()) as ErrorEnvelope
  expect(scaleBody.error.kind).toBe('Forbidden')
  expect(scaleBody.error.message).toContain('viewer')

  const install = await page.request.post('/api/catalog/install', { headers, data: { packageName: 'kafka', appId: '/viewer-kafka' } })
  expect(install.status()).toBe(403)
  expect(((await install.json()) as ErrorEnvelope).error).toMatchObject({ kind: 'Forbidden', message: expect.stringContaining('viewer') as unknown })

  const after = (await cluster.get<{ app: MarathonApp }>(`/service/marathon/v2/apps${ORDERS}`)).app
  expect(after.instances).toBe(before.instances)
  expect(after.version).toBe(before.version)
  expect((await page.request.get('/service/marathon/v2/apps/viewer-kafka')).status()).toBe(404)
})
