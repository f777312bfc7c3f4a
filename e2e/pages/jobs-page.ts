import { expect, type Locator, type Page } from '@playwright/test'

/** The fields of the "Create job" form. */
export interface NewJob {
  id: string
  description: string
  cmd: string
  cpus: number
  mem: number
  cron: string
}

/** The Jobs list (rows named by job id) and its create dialog with the cron preview. */
export class JobsPage {
  readonly table: Locator

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Jobs' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
  }

  row(id: string): Locator {
    return this.table.getByRole('row', { name: id, exact: true })
  }

  async startCreate(): Promise<JobEditorDialog> {
    await this.page.getByRole('button', { name: 'Create job' }).click()
    return new JobEditorDialog(this.page.getByRole('dialog', { name: 'Create job' }))
  }

  async openJob(id: string): Promise<JobDetailPage> {
    await this.row(id).getByRole('link', { name: id }).click()
    const detail = new JobDetailPage(this.page)
    await expect(detail.header).toContainText(id)
    return detail
  }
}

/** The job editor dialog (form mode). */
export class JobEditorDialog {
  constructor(readonly dialog: Locator) {}

  /** The schedule input; its accessible description is the human-readable cron preview (or the cron error). */
  get cronInput(): Locator {
    return this.dialog.getByLabel('Schedule (cron, UTC)')
  }

  async fill(job: NewJob): Promise<void> {
    await this.dialog.getByLabel('Job ID').fill(job.id)
    await this.dialog.getByLabel('Description').fill(job.description)
    await this.dialog.getByLabel('Command').fill(job.cmd)
    await this.dialog.getByLabel('CPUs').fill(String(job.cpus))
    await this.dialog.getByLabel('Memory (MiB)').fill(String(job.mem))
    await this.cronInput.fill(job.cron)
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save job' }).click()
    await expect(this.dialog).toBeHidden()
  }
}

/** One job: header actions, active runs and the run history table. */
export class JobDetailPage {
  readonly header: Locator
  readonly history: Locator

  constructor(readonly page: Page) {
    this.header = page.getByRole('heading', { level: 1 })
    this.history = page.getByRole('table', { name: 'Run history' })
  }

  async runNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run now' }).click()
  }

  /** The value next to a term of the Run card (e.g. Schedule, Next run). */
  detail(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]')
  }

  activeRuns(): Locator {
    return this.page.getByRole('region', { name: 'Active runs' }).getByRole('listitem')
  }

  historyRow(runId: string): Locator {
    return this.history.getByRole('row', { name: `Run ${runId}`, exact: true })
  }

  /** Deletes the job (typed confirmation) and lands back on the Jobs list. */
  async delete(id: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: `Delete ${id}?` })
    await dialog.getByLabel(`Type ${id} to confirm`).fill(id)
    await dialog.getByRole('button', { name: 'Delete job' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
  }
}
