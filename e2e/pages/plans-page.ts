import { expect, type Locator, type Page } from '@playwright/test'

/** SDK plan status names (dcos-commons `Status`), as the Plans page prints them. */
export type PlanStatus = 'PENDING' | 'PREPARED' | 'STARTING' | 'STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'WAITING' | 'PAUSING' | 'PAUSED' | 'DELAYED' | 'ERROR'

/** The Plans page: one card per plan of each SDK service, phases with their steps, live. */
export class PlansPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click()
    await this.expectLoaded()
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible()
  }

  /** Narrows the page to one service through its Service picker (kept in the URL). */
  async showOnly(serviceId: string): Promise<void> {
    const picker = this.page.getByRole('combobox', { name: 'Service' })
    await expect(picker.getByRole('option', { name: serviceId, exact: true })).toBeAttached()
    await picker.selectOption(serviceId)
    await expect(this.page).toHaveURL(new RegExp(`[?&]service=${encodeURIComponent(serviceId)}`))
  }

  plan(serviceId: string, plan: string): PlanCard {
    return new PlanCard(this.page.getByRole('region', { name: `${serviceId} plan ${plan}`, exact: true }), plan)
  }
}

/** One plan card: status badge, progress bar ("n/m steps"), phases and steps, controls. */
export class PlanCard {
  constructor(
    readonly root: Locator,
    readonly name: string,
  ) {}

  /** The plan's own status badge (the first badge of the card's header row). */
  status(): Locator {
    return this.root.locator('.badge').first()
  }

  async expectStatus(status: PlanStatus): Promise<void> {
    await expect(this.status()).toHaveText(status)
  }

  progressBar(): Locator {
    return this.root.getByRole('progressbar', { name: `Progress of ${this.name}` })
  }

  /** "complete/total steps" as numbers. */
  async stepsDone(): Promise<{ complete: number; total: number }> {
    const text = (await this.root.getByText(/^\d+\/\d+ steps$/).textContent()) ?? ''
    const m = /^(\d+)\/(\d+) steps$/.exec(text.trim())
    expect(m, `progress text "${text}"`).not.toBeNull()
    return { complete: Number(m![1]), total: Number(m![2]) }
  }

  /** The steps of a phase, each a list item named `step: STATUS`. */
  steps(phase: string): Locator {
    return this.root.getByRole('list', { name: `Steps of ${phase}`, exact: true }).getByRole('listitem')
  }

  /** A step by name whatever its status: its accessible name is `name: STATUS`. */
  stepNamed(phase: string, step: string): Locator {
    return this.root.getByRole('list', { name: `Steps of ${phase}`, exact: true }).getByRole('listitem', { name: new RegExp(`^${escape(step)}: `) })
  }

  async expectStep(phase: string, step: string, status: PlanStatus): Promise<void> {
    await expect(this.stepNamed(phase, step)).toHaveAccessibleName(`${step}: ${status}`)
  }

  async resume(): Promise<void> {
    await this.root.getByRole('button', { name: `Resume plan ${this.name}`, exact: true }).click()
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
