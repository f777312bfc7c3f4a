import { expect, loginAs, test } from '../fixtures.ts'
import { ServiceDetailPage, ServicesPage } from '../pages/services-page.ts'

interface MarathonApp {
  id: string
  cmd?: string
  env?: Record<string, string>
  instances: number
  tasksRunning: number
  version: string
  versionInfo: { lastConfigChangeAt: string }
}

const HELLO = { id: '/e2e/hello', cmd: 'while true; do echo hello; sleep 5; done', cpus: 0.1, mem: 32, instances: 1 }
const MARATHON_HELLO = '/service/marathon/v2/apps/e2e/hello'

test('create a service, scale it, edit it as JSON, roll it back and destroy it', async ({ page, cluster }) => {
  // A run that died half-way must not leave /e2e/hello behind for the next one (Marathon 409s a duplicate id).
  await page.request.delete(`${MARATHON_HELLO}?force=true`)
  await expect.poll(async () => (await page.request.get(MARATHON_HELLO)).status()).toBe(404)

  await loginAs(page, 'operator')
  await page.goto('/')
  const services = new ServicesPage(page)
  await services.open()
  await services.runService(HELLO)

  // Running, first from the list, then on its own page.
  await expect(services.row(HELLO.id)).toContainText('Running')
  const detail = await services.openService(HELLO.id)
  await detail.expectRunning(1)
  const first = (await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app
  expect(first.cmd).toBe(HELLO.cmd)

  // Scale to 3: three running task rows, and Marathon agrees.
  await detail.scale(3)
  await detail.expectRunning(3)
  await detail.openTab('Tasks')
  await expect(detail.runningTaskRows()).toHaveCount(3)
  await expect.poll(async () => (await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app.tasksRunning).toBe(3)
  expect((await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app.instances).toBe(3)

  // Edit through the JSON editor: a new command and an env var reach Marathon.
  const newCmd = 'while true; do echo "hello $GREETING"; sleep 5; done'
  await detail.editJson((d) => ({ ...d, cmd: newCmd, env: { ...(d.env as Record<string, string> | undefined), GREETING: 'e2e' } }))
  await expect.poll(async () => (await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app.cmd).toBe(newCmd)
  const edited = (await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app
  expect(edited.env).toMatchObject({ GREETING: 'e2e' })
  await detail.openTab('Configuration')
  await expect.poll(async () => (await detail.shownDefinition()).cmd).toBe(newCmd)

  // Roll back to the version the form created: the original command is back, env var gone.
  await detail.rollBackTo(first.version)
  await expect.poll(async () => (await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app.cmd).toBe(HELLO.cmd)
  expect((await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app.env ?? {}).not.toHaveProperty('GREETING')
  await expect.poll(async () => (await detail.shownDefinition()).cmd).toBe(HELLO.cmd)
  await detail.expectRunning((await cluster.get<{ app: MarathonApp }>(MARATHON_HELLO)).app.instances)

  // Destroy (typed confirmation): gone from the list and from Marathon.
  await detail.destroy('hello')
  await expect(services.row(HELLO.id)).toHaveCount(0)
  await expect.poll(async () => (await page.request.get(MARATHON_HELLO)).status()).toBe(404)
})

interface QueueItem {
  app: { id: string }
  processedOffersSummary: { rejectSummaryLastOffers: Array<{ reason: string; declined: number }> }
}

test('a service that cannot get resources explains why on its Debug tab', async ({ page, cluster }) => {
  await loginAs(page, 'viewer')
  const detail = new ServiceDetailPage(page)
  await detail.goto('/dev/ml/trainer')
  await expect(detail.header).toContainText('Waiting for resources')
  await detail.openTab('Debug')
  await expect(page.getByText(/1 instance\(s\) waiting/)).toBeVisible()

  const offers = detail.declinedOffers()
  await expect(offers.getByRole('cell', { name: 'InsufficientCpus', exact: true })).toBeVisible()
  // The count matches Marathon's own offer summary for the queued app (64 CPUs fit on no agent);
  // compare fresh readings of both sides, since offers keep arriving while the page is open.
  await expect(async () => {
    const { queue } = await cluster.get<{ queue: QueueItem[] }>('/service/marathon/v2/queue')
    const trainer = queue.find((q) => q.app.id === '/dev/ml/trainer')
    expect(trainer, '/dev/ml/trainer is queued in Marathon').toBeDefined()
    const cpus = trainer!.processedOffersSummary.rejectSummaryLastOffers.find((r) => r.reason === 'InsufficientCpus')
    expect(cpus?.declined).toBeGreaterThan(0)
    expect(await detail.declinedFor('InsufficientCpus')).toBe(cpus!.declined)
  }).toPass({ timeout: 20_000 })
})
