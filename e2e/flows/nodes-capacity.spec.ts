import { expect, loginAs, test } from '../fixtures.ts'
import { CapacityView, NodesPage } from '../pages/nodes-page.ts'

interface Amounts {
  cpus: number
  mem: number
  disk: number
}
interface SummaryAgent {
  id: string
  hostname: string
  resources: Amounts
  used_resources: Amounts
}
interface NodeView {
  id: string
  hostname: string
  health: string
  allocated: Amounts
  total: Amounts
}

const pct = (used: number, total: number) => (total > 0 ? Math.round(Math.min(1, used / total) * 100) : 0)
const sum = (xs: Amounts[], k: keyof Amounts) => xs.reduce((a, x) => a + x[k], 0)
/** The binding dimension of an agent: the larger of its CPU and memory allocation. */
const pressure = (used: Amounts, total: Amounts) => Math.max(used.cpus / total.cpus, used.mem / total.mem)

test('the capacity dashboard matches the BFF and the Mesos master', async ({ page, cluster }) => {
  await loginAs(page, 'admin')
  await page.goto('/')
  const nodes = new NodesPage(page)
  const capacity = new CapacityView(page)
  await capacity.open(nodes)

  // Jobs start and finish while the page is open, so each attempt reads all three sides afresh.
  await expect(async () => {
    const { slaves } = await cluster.get<{ slaves: SummaryAgent[] }>('/mesos/master/state-summary')
    const bff = ((await (await page.request.get('/api/nodes')).json()) as { nodes: NodeView[] }).nodes.filter((n) => n.health !== 'gone')

    // Cluster totals: the BFF's sums are the master's sums, and the meters show them.
    const used = slaves.map((s) => s.used_resources)
    const total = slaves.map((s) => s.resources)
    for (const k of ['cpus', 'mem', 'disk'] as const) {
      expect(sum(bff.map((n) => n.allocated), k), `BFF allocated ${k}`).toBeCloseTo(sum(used, k), 6)
      expect(sum(bff.map((n) => n.total), k), `BFF total ${k}`).toBeCloseTo(sum(total, k), 6)
    }
    expect(sum(used, 'cpus')).toBeGreaterThan(0)
    const cpu = await capacity.clusterAllocated('CPU')
    expect(cpu.percent).toBe(pct(sum(used, 'cpus'), sum(total, 'cpus')))
    expect(cpu.text).toContain(`/ ${sum(total, 'cpus')})`)
    expect((await capacity.clusterAllocated('Memory')).percent).toBe(pct(sum(used, 'mem'), sum(total, 'mem')))
    expect((await capacity.clusterAllocated('Disk')).percent).toBe(pct(sum(used, 'disk'), sum(total, 'disk')))

    // Top consumers: the busiest agents by the master's numbers, busiest first, each row's
    // meters equal to that agent's used/total.
    const shown = await capacity.topHostnames()
    expect(shown).toHaveLength(Math.min(5, slaves.length))
    const byHost = new Map(slaves.map((s) => [s.hostname, s]))
    const p = (h: string) => pressure(byHost.get(h)!.used_resources, byHost.get(h)!.resources)
    const shownPressure = shown.map(p)
    expect(shownPressure).toEqual([...shownPressure].sort((a, b) => b - a))
    const rest = slaves.filter((s) => !shown.includes(s.hostname)).map((s) => pressure(s.used_resources, s.resources))
    expect(Math.min(...shownPressure)).toBeGreaterThanOrEqual(Math.max(...rest))
    for (const host of shown) {
      const a = byHost.get(host)!
      expect((await capacity.topAllocated(host, 'CPU')).percent, `${host} CPU`).toBe(pct(a.used_resources.cpus, a.resources.cpus))
      expect((await capacity.topAllocated(host, 'Memory')).percent, `${host} memory`).toBe(pct(a.used_resources.mem, a.resources.mem))
    }
  }).toPass({ timeout: 30_000 })
})
