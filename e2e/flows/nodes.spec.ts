import { expect, test } from '../fixtures.ts'
import { signIn } from '../pages/login-page.ts'
import { NodesPage } from '../pages/nodes-page.ts'

interface SummaryAgent {
  id: string
  hostname: string
  resources: { cpus: number; mem: number }
  used_resources: { cpus: number; mem: number }
}

test('the Nodes page lists every Mesos agent with its allocated/total resources', async ({ page, cluster }) => {
  await signIn(page, 'admin', 'admin')
  const nodes = new NodesPage(page)
  await nodes.open()

  const { slaves } = await cluster.get<{ slaves: SummaryAgent[] }>('/mesos/master/state-summary')
  expect(slaves.length).toBe(10)
  await expect(page.getByText(`${slaves.length} of ${slaves.length} agents`)).toBeVisible()
  for (const agent of slaves) await expect(nodes.row(agent.hostname)).toBeVisible()

  // The busiest agent's meters match what the master reports (the demo keeps deploying, so
  // compare a fresh reading of both sides until they agree).
  await expect(async () => {
    const fresh = (await cluster.get<{ slaves: SummaryAgent[] }>('/mesos/master/state-summary')).slaves
    const busiest = [...fresh].sort((a, b) => b.used_resources.cpus - a.used_resources.cpus)[0]!
    expect(busiest.used_resources.cpus).toBeGreaterThan(0)
    const cpu = Math.round((busiest.used_resources.cpus / busiest.resources.cpus) * 100)
    const mem = Math.round((busiest.used_resources.mem / busiest.resources.mem) * 100)
    expect(await nodes.allocatedPercent(busiest.hostname, 'CPU')).toBe(cpu)
    expect(await nodes.allocatedPercent(busiest.hostname, 'Memory')).toBe(mem)
  }).toPass({ timeout: 20_000 })
})
