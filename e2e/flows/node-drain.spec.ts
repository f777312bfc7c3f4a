import { expect, loginAs, test, type ClusterApi } from '../fixtures.ts'
import { NodeDetailPage, NodesPage } from '../pages/nodes-page.ts'

interface MesosTask {
  id: string
  name: string
  slave_id: string
  state: string
}
interface MesosState {
  frameworks: Array<{ name: string; tasks: MesosTask[] }>
}
interface NodeListItem {
  id: string
  hostname: string
  public: boolean
  health: string
}

async function runningMarathonTasks(cluster: ClusterApi): Promise<MesosTask[]> {
  const state = await cluster.get<MesosState>('/mesos/master/state')
  return state.frameworks.filter((f) => f.name === 'marathon').flatMap((f) => f.tasks.filter((t) => t.state === 'TASK_RUNNING'))
}

function countByName(tasks: MesosTask[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const t of tasks) m.set(t.name, (m.get(t.name) ?? 0) + 1)
  return m
}

test('draining a node moves its Marathon tasks to other agents', async ({ page, cluster }) => {
  const csrf = await loginAs(page, 'admin')

  // The busiest active private agent (the demo's private apps can land on any other one).
  const { nodes } = (await (await page.request.get('/api/nodes')).json()) as { nodes: NodeListItem[] }
  const before = await runningMarathonTasks(cluster)
  const candidates = nodes.filter((n) => n.health === 'active' && !n.public)
  const load = (id: string) => before.filter((t) => t.slave_id === id).length
  const target = [...candidates].sort((a, b) => load(b.id) - load(a.id))[0]!
  const moved = before.filter((t) => t.slave_id === target.id)
  expect(moved.length, `Marathon tasks on ${target.hostname}`).toBeGreaterThan(0)
  const runningBefore = countByName(before)

  try {
    const nodesPage = new NodesPage(page)
    await page.goto('/')
    await nodesPage.open()
    await nodesPage.row(target.hostname).getByRole('link', { name: target.hostname }).click()
    const detail = new NodeDetailPage(page)
    await expect(detail.header).toContainText(target.hostname)
    // Its running Marathon tasks are listed (ids churn: /dev/legacy/reports is replaced every
    // few seconds for failing health checks, so compare by app).
    const apps = [...new Set(moved.map((t) => t.name))]
    for (const name of apps) await expect(detail.activeTaskRows().filter({ hasText: name }).first()).toBeVisible()

    await detail.drain(target.hostname)

    // Mesos marks the agent draining, then drained once every task on it is terminal.
    await expect(detail.header).toContainText('Draining')
    await expect(detail.detail('Maintenance')).toHaveText(/Draining|Drained/)
    // The node keeps listing the tasks it ran (Mesos' completed tasks), but none is active.
    await expect(detail.activeTaskRows()).toHaveCount(0)
    await detail.showTasks('Completed')
    await expect(detail.taskRow(moved[0]!.id)).toContainText('killed')
    await expect(detail.detail('Maintenance')).toHaveText('Drained')

    // Marathon relaunched every moved task elsewhere: each app is back to its running count,
    // with nothing left on the drained agent (checked on the master's own state).
    await expect(async () => {
      const after = await runningMarathonTasks(cluster)
      expect(after.filter((t) => t.slave_id === target.id)).toEqual([])
      const runningAfter = countByName(after)
      for (const name of apps) expect(runningAfter.get(name) ?? 0, `running ${name} tasks`).toBe(runningBefore.get(name))
    }).toPass({ timeout: 30_000 })
  } finally {
    // Give the agent back so later flows (and --repeat-each runs) see the full cluster.
    await page.request.post(`/api/nodes/${encodeURIComponent(target.id)}/reactivate`, { headers: { 'x-meridian-csrf': csrf } })
  }
})
