/**
 * Captures the README's screenshots (docs/screenshots/<page>-<theme>.png) against the demo
 * cluster: `pnpm --filter @meridian/e2e exec playwright test -c playwright.screenshots.config.ts`.
 * Not part of the test run.
 */
import { defineConfig } from '@playwright/test'
import base from './playwright.config.ts'

export default defineConfig({
  ...base,
  testDir: './screenshots',
  outputDir: 'test-results/screenshots',
  timeout: 180_000,
  projects: (base.projects ?? []).map((p) => ({ ...p, use: { ...p.use, viewport: { width: 1440, height: 900 } } })),
})
