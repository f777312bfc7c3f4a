import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { loginAs } from '../fixtures.ts'

const OUT = path.resolve(import.meta.dirname, '../../docs/screenshots')

const cosmos = (kind: string, version = 'v1') => ({
  'content-type': `application/vnd.dcos.package.${kind}-request+json;charset=utf-8;version=v1`,
  accept: `application/vnd.dcos.package.${kind}-response+json;charset=utf-8;version=${version}`,
})

async function shoot(page: Page, name: string): Promise<void> {
  // Let charts and live data settle on something visible rather than sleeping blindly.
  await expect(page.locator('main')).toBeVisible()
  await page.waitForLoadState('networkidle').catch(() => undefined)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    // The app follows the system scheme through a media-query listener: wait until it has
    // switched, then let the buttons' 0.12 s background transition end (a capture taken in
    // between showed light buttons with dark-theme text).
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(OUT, `${name}-${scheme}.png`), animations: 'disabled' })
  }
}

test('capture every page in light and dark', async ({ page, request }) => {
  // A Kafka service gives the Plans page and the dashboard something to show.
  const install = await request.post('/package/install', { data: { packageName: 'kafka' }, headers: cosmos('install', 'v2') })
  expect([200, 409]).toContain(install.status())
  await expect
    .poll(async () => ((await request.get('/service/kafka/v1/plans/deploy')).ok() ? ((await (await request.get('/service/kafka/v1/plans/deploy')).json()) as { status: string }).status : 'none'), { timeout: 60_000 })
    .toBe('COMPLETE')

  await loginAs(page, 'admin')
  const pages: Array<[string, string, string]> = [
    ['dashboard', '/', 'Dashboard'],
    ['services', '/services', 'Services'],
    ['service-detail', '/services/detail/prod/api/orders', 'orders'],
    ['service-debug', '/services/detail/dev/ml/trainer?tab=debug', 'trainer'],
    ['jobs', '/jobs', 'Jobs'],
    ['catalog', '/catalog', 'Catalog'],
    ['package-kafka', '/catalog/kafka', 'kafka'],
    ['nodes', '/nodes', 'Nodes'],
    ['nodes-capacity', '/nodes?view=capacity', 'Nodes'],
    ['plans', '/plans', 'Plans'],
    ['service-pods', '/services/detail/kafka?tab=pods', 'kafka'],
  ]
  for (const [name, url, heading] of pages) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 }).filter({ hasText: new RegExp(heading, 'i') }).first()).toBeVisible()
    await shoot(page, name)
  }
  // A running task of /prod/api/orders for the task detail page.
  const { tasks } = (await (await request.get('/mesos/master/tasks?limit=1000')).json()) as { tasks: Array<{ id: string; name: string; state: string }> }
  const task = tasks.find((t) => t.id.startsWith('prod_api_orders.') && t.state === 'TASK_RUNNING')
  expect(task).toBeDefined()
  await page.goto(`/tasks/${encodeURIComponent(task!.id)}`)
  await expect(page.getByText(task!.id).first()).toBeVisible()
  await shoot(page, 'task-detail')
})
