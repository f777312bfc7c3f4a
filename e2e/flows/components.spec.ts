/**
 * DC/OS component health on the Dashboard (dcos-diagnostics through the BFF) and what the console
 * is connected to on Settings. A partitioned agent turns its units unhealthy; opening the Mesos
 * Agent component shows that node. The agent is healed afterwards (the quietest private agent is
 * used, so the demo's services barely notice).
 */
import { expect, test } from '../fixtures.ts'
import { signIn } from '../pages/login-page.ts'

interface SummaryAgent {
  id: string
  hostname: string
  attributes: Record<string, string>
  reserved_resources?: Record<string, unknown>
  TASK_RUNNING: number
}

test('Dashboard components: all healthy, a partitioned agent shows as an unhealthy Mesos Agent on that node; Settings names the cluster', async ({ page, cluster }) => {
  const units = (await cluster.get<{ units: Array<{ id: string; name: string }> }>('/system/health/v1/units')).units
  await signIn(page, 'admin', 'admin')
  const card = page.getByRole('region', { name: /Components/ })
  await expect(card.getByRole('heading')).toContainText(`All ${units.length} healthy`)
  await expect(card.getByRole('list', { name: 'DC/OS components' }).getByRole('button')).toHaveCount(units.length)

  const { slaves } = await cluster.get<{ slaves: SummaryAgent[] }>('/mesos/master/state-summary')
  const privateAgents = slaves.filter((s) => !s.reserved_resources || !('slave_public' in s.reserved_resources))
  const agent = [...privateAgents].sort((a, b) => a.TASK_RUNNING - b.TASK_RUNNING)[0]!
  expect((await cluster.post(`/api/demo/agents/${agent.id}/partition`)).status).toBe(200)
  try {
    await page.reload()
    const mesosAgent = card.getByRole('button', { name: 'Mesos Agent (dcos-mesos-slave.service): Unhealthy' })
    await expect(mesosAgent).toBeVisible()
    await expect(card.getByRole('heading')).toContainText(`of ${units.length} healthy`)
    // Problems first: the first row is unhealthy.
    await expect(card.getByRole('list', { name: 'DC/OS components' }).getByRole('button').first()).toContainText('Unhealthy')
    await expect(card.getByRole('button', { name: 'Mesos Master (dcos-mesos-master.service): Healthy' })).toBeVisible()

    await mesosAgent.click()
    const nodes = card.getByRole('table', { name: 'Nodes running dcos-mesos-slave.service' })
    await expect(nodes.getByRole('row').nth(1)).toContainText(agent.hostname)
    await expect(nodes.getByRole('row').nth(1)).toContainText('Unhealthy')
    await expect(nodes.getByRole('row')).toHaveCount(privateAgents.length + 1)
  } finally {
    expect((await cluster.post(`/api/demo/agents/${agent.id}/heal`)).status).toBe(200)
  }
  await page.reload()
  await expect(card.getByRole('heading')).toContainText(`All ${units.length} healthy`)

  const version = await cluster.get<{ version: string }>('/dcos-metadata/dcos-version.json')
  const metadata = await cluster.get<{ CLUSTER_ID: string }>('/metadata')
  await page.goto('/settings')
  const details = page.getByLabel('Cluster details')
  await expect(details).toContainText(`DC/OS${version.version} (open)`)
  await expect(details).toContainText(metadata.CLUSTER_ID)
})
