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
