import { expect, type Locator, type Page } from '@playwright/test'

/** The fields of the "Run a service" form (the rest of the app definition keeps its defaults). */
export interface NewService {
  id: string
  cmd: string
  cpus: number
  mem: number
  instances: number
}

/** The Services list: a tree table whose rows are named by service / group id. */
export class ServicesPage {
  readonly table: Locator

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Services' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible()
  }

  row(id: string): Locator {
    return this.table.getByRole('row', { name: id, exact: true })
  }

  /** Fills the create form and submits; the dialog closes once Marathon accepted the app. */
  async runService(s: NewService): Promise<void> {
    await this.page.getByRole('button', { name: 'Run a service' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Run a service' })
    await dialog.getByLabel('Service ID').fill(s.id)
    await dialog.getByLabel('Instances').fill(String(s.instances))
    await dialog.getByLabel('CPUs').fill(String(s.cpus))
    await dialog.getByLabel('Memory (MiB)').fill(String(s.mem))
    await dialog.getByLabel('Command').fill(s.cmd)
    await dialog.getByRole('button', { name: 'Run service' }).click()
    await expect(dialog).toBeHidden()
  }

  async openService(id: string): Promise<ServiceDetailPage> {
    await this.row(id).getByRole('link').click()
    const detail = new ServiceDetailPage(this.page)
    await detail.expectLoaded(id)
    return detail
  }
}

/** One service's page: header (status, running/instances), actions, and the section tabs. */
export class ServiceDetailPage {
  readonly header: Locator
  readonly subtitle: Locator

  constructor(readonly page: Page) {
    this.header = page.getByRole('heading', { level: 1 })
    this.subtitle = page.locator('.page-subtitle')
  }

  async goto(id: string, tab?: 'tasks' | 'configuration' | 'debug' | 'endpoints'): Promise<void> {
    await this.page.goto(`/services/detail${id}${tab ? `?tab=${tab}` : ''}`)
    await this.expectLoaded(id)
  }

  async expectLoaded(id: string): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(id)
  }

  /** Waits until the header shows `running/instances running` and the given status. */
  async expectRunning(running: number, instances: number = running): Promise<void> {
    await expect(this.subtitle).toContainText(`${running}/${instances} running`)
    await expect(this.header).toContainText('Running')
  }

  async openTab(name: 'Pods' | 'Scheduler' | 'Tasks' | 'Configuration' | 'Debug' | 'Endpoints'): Promise<Locator> {
    const tab = this.page.getByRole('tablist', { name: 'Service sections' }).getByRole('tab', { name: new RegExp(`^${name}`) })
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    return this.page.getByRole('tabpanel')
  }

  get tasks(): Locator {
    return this.page.getByRole('table', { name: 'Tasks' })
  }

  /** Rows of the Tasks tab whose state badge says running. */
  runningTaskRows(): Locator {
    return this.tasks.getByRole('row').filter({ has: this.page.getByText('running', { exact: true }) })
  }

  async scale(instances: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Scale', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: /^Scale / })
    await dialog.getByLabel('Instances').fill(String(instances))
    await dialog.getByRole('button', { name: 'Scale', exact: true }).click()
    await expect(dialog).toBeHidden()
  }

  /** Opens Edit, switches to the JSON editor, applies `change` to the parsed definition, deploys. */
  async editJson(change: (definition: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: /^Edit / })
    await dialog.getByRole('group', { name: 'Editor mode' }).getByRole('button', { name: 'JSON' }).click()
    const editor = dialog.getByLabel('App definition (JSON)')
    const current = JSON.parse(await editor.inputValue()) as Record<string, unknown>
    await editor.fill(JSON.stringify(change(current), null, 2))
    await dialog.getByRole('button', { name: 'Deploy changes' }).click()
    await expect(dialog).toBeHidden()
  }

  /** The Configuration tab's version list (newest first, as Marathon lists them). */
  versionList(): Locator {
    return this.page.getByRole('list', { name: 'Versions' })
  }

  async rollBackTo(version: string): Promise<void> {
    await this.versionList().getByRole('button', { name: `Roll back to ${version}` }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Roll back?' })
    await dialog.getByRole('button', { name: 'Roll back' }).click()
    await expect(dialog).toBeHidden()
  }

  /** The definition shown on the Configuration tab, parsed. */
  async shownDefinition(): Promise<Record<string, unknown>> {
    const text = await this.page.getByRole('region', { name: 'Current definition' }).locator('pre').textContent()
    return JSON.parse(text ?? '{}') as Record<string, unknown>
  }

  /** Destroy with the type-the-name confirmation; the console returns to the Services list. */
  async destroy(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Destroy', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: /^Destroy / })
    const confirm = dialog.getByRole('button', { name: 'Destroy service' })
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name)
    await confirm.click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible()
  }

  /** The Debug tab's "Why offers were declined" table. */
  declinedOffers(): Locator {
    return this.page.getByRole('table', { name: 'Why offers were declined' })
  }

  /** Declined count shown for one Marathon reject reason (e.g. InsufficientCpus). */
  async declinedFor(reason: string): Promise<number> {
    const row = this.declinedOffers().getByRole('row').filter({ has: this.page.getByRole('cell', { name: reason, exact: true }) })
    return Number(await row.getByRole('cell').nth(1).textContent())
  }
}
