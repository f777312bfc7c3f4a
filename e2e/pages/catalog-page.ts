import { expect, type Locator, type Page } from '@playwright/test'

/** The Catalog: a searchable grid of package cards, each a link named by the package. */
export class CatalogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible()
  }

  /** Searches for `name` and opens its package page. */
  async openPackage(name: string): Promise<PackagePage> {
    await this.page.getByRole('searchbox', { name: 'Search packages' }).fill(name)
    await this.page.getByRole('list', { name: 'Packages' }).getByRole('listitem', { name, exact: true }).getByRole('link').click()
    const pkg = new PackagePage(this.page, name)
    await pkg.expectLoaded()
    return pkg
  }
}

/** One package: About / Before you install, then the two-step install flow (configure, review). */
export class PackagePage {
  readonly form: Locator

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.form = page.getByRole('region', { name: `Install ${name}` })
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(this.name)
    await expect(this.page.getByRole('heading', { level: 1, name: this.name })).toBeVisible()
  }

  /** Opens the generated configuration form (step 1). */
  async configure(): Promise<void> {
    await this.page.getByRole('button', { name: 'Configure and install' }).click()
    await expect(this.currentStep()).toHaveText('1. Configure')
  }

  currentStep(): Locator {
    return this.form.getByRole('list', { name: 'Install steps' }).locator('[aria-current="step"]')
  }

  /**
   * The control of an option addressed by its path in the package's config schema, e.g.
   * `['brokers', 'count']`: each object is a fieldset named by its (humanized) key, the leaf is
   * the labelled input. Nested sections render after the section's own leaves (schema order), so
   * when a nested section repeats a label (Cassandra's `service.security…superuser.name`) the
   * first match is the section's own field.
   */
  field(path: string[]): Locator {
    let scope: Locator = this.form
    for (const section of path.slice(0, -1)) scope = scope.getByRole('group', { name: humanize(section), exact: true }).first()
    // A required field's label ends with an aria-hidden " *".
    return scope.getByLabel(new RegExp(`^${escapeRe(humanize(path[path.length - 1]!))}( \\*)?$`)).first()
  }

  async setOption(path: string[], value: string | number): Promise<void> {
    const f = this.field(path)
    await f.fill(String(value))
    await expect(f).toHaveValue(String(value))
  }

  /** Review: the options are checked; a valid form moves to step 2 and shows the final JSON. */
  async review(): Promise<void> {
    await this.form.getByRole('button', { name: 'Review' }).click()
  }

  /** The options the review step will send, parsed from its JSON block. */
  async reviewedOptions(): Promise<Record<string, unknown>> {
    await expect(this.currentStep()).toHaveText('2. Review and install')
    const text = await this.form.getByLabel('Options to install').textContent()
    return JSON.parse(text ?? '{}') as Record<string, unknown>
  }

  /** Installs from the review step; the console navigates to the new service's page. */
  async install(appId: string): Promise<void> {
    await this.form.getByRole('button', { name: `Install ${this.name}` }).click()
    await expect(this.page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(appId)
    await expect(this.page).toHaveURL(new RegExp(`/services/detail${appId}$`))
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The schema form's label for a key: `deploy_strategy` → `Deploy strategy` (schema `title` wins, none here). */
function humanize(key: string): string {
  return key.replace(/[_-]/g, ' ').replace(/^\w/, (c) => c.toUpperCase())
}
