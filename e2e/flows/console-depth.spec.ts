/**
 * The console beyond lists: a task's own page (from a service's Tasks tab, on to its node and
 * its logs), an SDK service's pods with a pod restart, command-palette commands by role, and the
 * long install form's section nav.
 */
import { expect, loginAs, test } from '../fixtures.ts'
import { ServiceDetailPage } from '../pages/services-page.ts'
import { cosmosInstall, cosmosUninstall, mesosState, readPlan, runningPods, serviceName } from './support/sdk-wire.ts'

interface MarathonApp {
  instances: number
  tasks?: Array<{ id: string; state: string; host: string; slaveId: string }>
}
const PALETTE_APP = { id: '/e2e/palette', cmd: 'while true; do echo palette; sleep 5; done', cpus: 0.1, mem: 32, instances: 1 }
const MARATHON_PALETTE = '/service/marathon/v2/apps/e2e/palette'

test('a task page: status history, node link, sandbox files into the log viewer; node tasks split Active/Completed', async ({ page, cluster }) => {
  await loginAs(page, 'viewer')
  const detail = new ServiceDetailPage(page)
  await detail.goto('/prod/api/orders', 'tasks')
  const app = (await cluster.get<{ app: MarathonApp }>('/service/marathon/v2/apps/prod/api/orders')).app
  const task = app.tasks!.find((t) => t.state === 'TASK_RUNNING')!
  await detail.tasks.getByRole('link', { name: `Details of ${task.id}` }).click()

  await expect(page).toHaveURL(new RegExp(`/tasks/${task.id.replaceAll('.', '\\.')}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText('running')
  await expect(page.getByRole('list', { name: 'Status history' }).getByRole('listitem').first()).toContainText('running')
  await expect(page.getByRole('link', { name: '/prod/api/orders' }).first()).toBeVisible()
  await page.getByRole('link', { name: 'Open stdout in the log viewer' }).click()
  await expect(page.getByRole('log', { name: `stdout of ${task.id}` })).toBeVisible()
  await page.goBack()

  await page.getByRole('region', { name: 'Placement' }).getByRole('link', { name: task.host }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(task.host)
  const tabs = page.getByRole('tablist', { name: 'Tasks on this node' })
  await expect(page.getByRole('table', { name: 'Active tasks' }).getByRole('row', { name: task.id, exact: true })).toBeVisible()
  await tabs.getByRole('tab', { name: /^Completed \(\d+\)$/ }).click()
  await expect(page).toHaveURL(/[?&]tasks=completed/)
  await expect(page.getByRole('table', { name: 'Active tasks' })).toHaveCount(0)
})

test('palette commands follow the role: a viewer gets none that mutate, an operator scales a service', async ({ page, cluster }) => {
  await page.request.delete(`${MARATHON_PALETTE}?force=true`)
  const created = await page.request.post('/service/marathon/v2/apps', { data: PALETTE_APP })
  expect(created.status(), await created.text()).toBe(201)
  try {
    await loginAs(page, 'viewer')
    await page.goto('/')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox').fill('scale')
    await expect(page.getByRole('option', { name: /Scale service/ })).toHaveCount(0)
    await page.getByRole('combobox').fill('theme')
    await expect(page.getByRole('option', { name: /Toggle theme/ })).toBeVisible()
    await page.keyboard.press('Escape')

    await loginAs(page, 'operator')
    await page.goto('/')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox').fill('scale serv')
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: 'Scale which service?' }).fill('/e2e/palette')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Scale /e2e/palette' })
    await dialog.getByRole('spinbutton').fill('2')
    await dialog.getByRole('button', { name: 'Scale', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect.poll(async () => (await cluster.get<{ app: MarathonApp }>(MARATHON_PALETTE)).app.instances).toBe(2)
  } finally {
    await page.request.delete(`${MARATHON_PALETTE}?force=true`)
  }
})

test('an SDK service shows its pods and restarts one after confirmation', async ({ page, request }, info) => {
  const name = serviceName('kafka-pods', info)
  await cosmosInstall(request, 'kafka', { service: { name } })
  try {
    await expect.poll(async () => (await readPlan(request, name, 'deploy')).code, { timeout: 45_000, message: 'deploy COMPLETE' }).toBe(200)
    const before = runningPods(await mesosState(request), name, 'broker').find((t) => t.name === 'kafka-0-broker')!
    await loginAs(page, 'operator')
    const detail = new ServiceDetailPage(page)
    await detail.goto(`/${name}`)
    await expect(page.getByRole('tab', { name: 'Pods' })).toHaveAttribute('aria-selected', 'true')
    const pods = page.getByRole('table', { name: 'Pods' })
    for (const pod of ['kafka-0', 'kafka-1', 'kafka-2']) await expect(pods.getByRole('rowgroup', { name: pod })).toContainText('running')
    await expect(pods.getByRole('rowgroup', { name: 'kafka-0' }).getByRole('link', { name: 'Details of kafka-0-broker' })).toHaveAttribute('href', `/tasks/${encodeURIComponent(before.id)}`)

    await page.getByRole('button', { name: 'Restart kafka-0' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restart kafka-0?' })
    await dialog.getByRole('button', { name: 'Restart pod' }).click()
    await expect(dialog).toBeHidden()
    // The scheduler kills the broker and relaunches it: a new task id, running again.
    await expect
      .poll(async () => runningPods(await mesosState(request), name, 'broker').find((t) => t.name === 'kafka-0-broker')?.id ?? before.id, { timeout: 30_000 })
      .not.toBe(before.id)
    await expect(pods.getByRole('rowgroup', { name: 'kafka-0' }).getByRole('link', { name: 'Details of kafka-0-broker' })).not.toHaveAttribute('href', `/tasks/${encodeURIComponent(before.id)}`)
  } finally {
    await cosmosUninstall(request, 'kafka', `/${name}`)
  }
})

test('the Cassandra install form has a section nav that jumps to sections and marks errors', async ({ page }) => {
  await loginAs(page, 'operator')
  await page.goto('/catalog/cassandra?install=1')
  const nav = page.getByRole('navigation', { name: 'Form sections' })
  await expect(nav.getByRole('link')).toHaveText(['Service', 'Nodes', 'Cassandra'])
  await nav.getByRole('link', { name: 'Cassandra' }).click()
  await expect(page.getByRole('group', { name: 'Cassandra', exact: true })).toBeFocused()
  const nodes = page.getByRole('group', { name: 'Nodes', exact: true })
  await nodes.getByRole('spinbutton', { name: 'Count' }).fill('')
  await page.getByRole('button', { name: 'Review' }).click()
  await expect(nav.getByRole('link', { name: /^Nodes, \d+ errors?$/ })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Service', exact: true })).toBeVisible()
})
