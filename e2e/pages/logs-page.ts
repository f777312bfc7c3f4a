import { expect, type Locator, type Page } from '@playwright/test'

/** A task's log page: stream switch, Pause/Follow, the line counter and the log itself. */
export class LogsPage {
  readonly log: Locator
  readonly lineCounter: Locator

  constructor(readonly page: Page) {
    this.log = page.getByRole('log')
    // The polite live region next to the toolbar: "<n> lines" (plus a LIVE pill while following).
    this.lineCounter = page.getByText(/^\d+ lines/)
  }

  async expectLoaded(taskId: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Task logs' })).toBeVisible()
    await expect(this.log).toHaveAccessibleName(`stdout of ${taskId}`)
  }

  async lineCount(): Promise<number> {
    const text = (await this.lineCounter.textContent()) ?? ''
    return Number(/^(\d+) lines/.exec(text)?.[1] ?? NaN)
  }

  /** Everything the log view currently shows. */
  async shownText(): Promise<string> {
    return this.log.innerText()
  }

  /** Whether the LIVE pill shows (the page follows the stream). */
  get livePill(): Locator {
    return this.lineCounter.getByText('LIVE', { exact: true })
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause' }).click()
    await expect(this.page.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true')
    await expect(this.livePill).toBeHidden()
  }

  async follow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Follow' }).click()
    await expect(this.livePill).toBeVisible()
  }
}
