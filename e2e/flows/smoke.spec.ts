import { expect, test } from '@playwright/test'

test('the console loads on the embedded cluster', async ({ page, request }) => {
  const health = await request.get('/api/health')
  expect(health.ok()).toBe(true)
  await page.goto('/')
  await expect(page).toHaveTitle(/Meridian/)
})
