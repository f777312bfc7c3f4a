import { expect, type Page } from '@playwright/test'

/** The sign-in form. */
export async function signIn(page: Page, uid: string, password: string): Promise<void> {
  await page.goto('/')
  await page.getByLabel('User name').fill(uid)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: /admin|operator|viewer/ }).first()).toBeVisible()
}
