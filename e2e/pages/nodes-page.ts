import { expect, type Locator, type Page } from '@playwright/test'

/** The Nodes page: a virtualized table whose rows are named by agent hostname. */
export class NodesPage {
  readonly table: Locator

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Nodes' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Nodes' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nodes' })).toBeVisible()
  }

  row(hostname: string): Locator {
    return this.table.getByRole('row', { name: hostname, exact: true })
  }

  /** Allocated percentage shown by a row's meter (CPU, Memory, Disk, GPU). */
  async allocatedPercent(hostname: string, resource: 'CPU' | 'Memory' | 'Disk' | 'GPU'): Promise<number> {
    const v = await this.row(hostname).getByRole('meter', { name: `${resource} allocated` }).getAttribute('aria-valuenow')
    return Number(v)
  }
}

/** Reads one resource meter's allocated/total figures from its accessible value text. */
export interface MeterReading {
  percent: number
  text: string
}

async function readMeter(meter: Locator): Promise<MeterReading> {
  return { percent: Number(await meter.getAttribute('aria-valuenow')), text: (await meter.getAttribute('aria-valuetext')) ?? '' }
}

/** The Nodes page's Capacity view: cluster allocation bars and the top-consumers table. */
export class CapacityView {
  readonly allocation: Locator
  readonly topConsumers: Locator

  constructor(readonly page: Page) {
    this.allocation = page.getByRole('region', { name: 'Cluster allocation' })
    this.topConsumers = page.getByRole('region', { name: 'Top consumers' })
  }

  async open(nodes: NodesPage): Promise<void> {
    await nodes.open()
    await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Capacity' }).click()
    await expect(this.allocation).toBeVisible()
  }

  /** The cluster-wide meter of one resource (CPU, Memory, Disk, GPU). */
  async clusterAllocated(resource: 'CPU' | 'Memory' | 'Disk' | 'GPU'): Promise<MeterReading> {
    return readMeter(this.allocation.getByRole('meter', { name: `${resource} allocated` }))
  }

  /** Hostnames of the top-consumers table, in the order shown. */
  async topHostnames(): Promise<string[]> {
    return this.topConsumers.getByRole('link').allTextContents()
  }

  async topAllocated(hostname: string, resource: 'CPU' | 'Memory'): Promise<MeterReading> {
    const row = this.topConsumers.getByRole('row').filter({ has: this.page.getByRole('link', { name: hostname, exact: true }) })
    return readMeter(row.getByRole('meter', { name: `${resource} allocated` }))
  }
}

/** One agent's page: health badge, maintenance state, admin actions and the tasks it runs. */
export class NodeDetailPage {
  readonly header: Locator
  readonly tasks: Locator

  constructor(readonly page: Page) {
    this.header = page.getByRole('heading', { level: 1 })
    this.tasks = page.getByRole('region', { name: /^Tasks/ })
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/nodes/${encodeURIComponent(id)}`)
    await expect(this.page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible()
  }

  /** The value next to a term of the Details list (e.g. Maintenance). */
  detail(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]')
  }

  /** Switches the task list between the agent's active tasks and its recently completed ones (`?tasks=`). */
  async showTasks(tab: 'Active' | 'Completed'): Promise<void> {
    const t = this.tasks.getByRole('tablist', { name: 'Tasks on this node' }).getByRole('tab', { name: new RegExp(`^${tab} \\(`) })
    await t.click()
    await expect(t).toHaveAttribute('aria-selected', 'true')
  }

  /** The row of one task in the tab shown (Active by default). */
  taskRow(taskId: string): Locator {
    return this.tasks.getByRole('table').getByRole('row', { name: taskId, exact: true })
  }

  /** Rows of tasks that still hold resources here (staging, starting, running or killing). */
  activeTaskRows(): Locator {
    return this.tasks
      .getByRole('table', { name: 'Active tasks' })
      .getByRole('row')
      .filter({ has: this.page.getByText(/^(staging|starting|running|killing)$/) })
  }

  /** Drain through the confirmation dialog, without a grace period override. */
  async drain(hostname: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Drain', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: `Drain ${hostname}?` })
    await dialog.getByRole('button', { name: 'Drain', exact: true }).click()
    await expect(dialog).toBeHidden()
  }
}
