/**
 * The cluster's event streams go away under a running console (demo-control ends every Mesos
 * SUBSCRIBE and Marathon /v2/events stream and refuses new ones, as an unreachable upstream
 * behind Admin Router would): the console shows the degraded banner, keeps its pages, and when
 * the streams are back the banner goes away by itself and live updates resume without a reload.
 */
import { expect, loginAs, test } from '../fixtures.ts'

test('degraded banner appears while the live streams are down and disappears when they recover', async ({ page, cluster }) => {
  await loginAs(page, 'viewer')
  await page.goto('/nodes')
  await expect(page.getByRole('img', { name: 'Live updates open' })).toBeVisible()
  const banner = page.getByRole('status', { name: 'Live updates degraded' })
  await expect(banner).toBeHidden()
  await page.evaluate(() => Object.assign(globalThis, { __e2eNoReload: true }))

  try {
    const drop = await cluster.post('/api/demo/streams/drop', { refuse: true })
    expect(drop.status).toBe(200)
    expect(drop.json).toMatchObject({ refusing: true })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Mesos')
    await expect(banner).toContainText('Marathon')
    await expect(page.getByTitle('Cluster health')).toHaveText('Degraded')
    // The page keeps what it had.
    await expect(page.getByRole('table').first()).toBeVisible()

  } finally {
    expect((await cluster.post('/api/demo/streams/restore', {})).status).toBe(200)
  }
  await expect(banner).toBeHidden({ timeout: 45_000 })
  await expect(page.getByRole('img', { name: 'Live updates open' })).toBeVisible()
  // The resync refetched the views: the Nodes page is there with the cluster's agents, with no reload.
  const after = await cluster.get<{ slaves: Array<{ hostname: string }> }>('/mesos/master/state-summary')
  await expect(page.getByText(after.slaves[0]!.hostname).first()).toBeVisible()
  expect(await page.evaluate(() => (globalThis as { __e2eNoReload?: boolean }).__e2eNoReload)).toBe(true)
})
