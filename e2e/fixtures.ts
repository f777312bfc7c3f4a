/**
 * Shared Playwright fixtures: log in as a demo role (through the BFF's session API, whose
 * HttpOnly cookie the page then carries), and talk to the embedded cluster's own wire APIs
 * to cross-check what the console shows and to inject faults through /api/demo.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'

export type DemoRole = 'admin' | 'operator' | 'viewer'

export interface ClusterApi {
  /** GET a cluster path (e.g. /mesos/master/state-summary) and parse JSON. */
  get<T = unknown>(path: string): Promise<T>
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>
}

function clusterApi(request: APIRequestContext): ClusterApi {
  return {
    async get<T>(path: string): Promise<T> {
      const res = await request.get(path)
      expect(res.ok(), `GET ${path} → ${res.status()}`).toBe(true)
      return (await res.json()) as T
    },
    async post(path, body, headers) {
      const res = await request.post(path, { ...(body !== undefined ? { data: body } : {}), ...(headers ? { headers } : {}) })
      const text = await res.text()
      let json: unknown = text
      try {
        json = text ? JSON.parse(text) : undefined
      } catch {
        // plain-text upstream bodies stay text
      }
      return { status: res.status(), json }
    },
  }
}

export async function loginAs(page: Page, role: DemoRole): Promise<string> {
  const res = await page.request.post('/api/session/login', { data: { uid: role, password: role } })
  expect(res.status(), 'demo login').toBe(200)
  const body = (await res.json()) as { csrfToken: string }
  return body.csrfToken
}

export const test = base.extend<{ cluster: ClusterApi; asAdmin: Page; asOperator: Page; asViewer: Page }>({
  cluster: async ({ request }, use) => {
    await use(clusterApi(request))
  },
  asAdmin: async ({ page }, use) => {
    await loginAs(page, 'admin')
    await use(page)
  },
  asOperator: async ({ page }, use) => {
    await loginAs(page, 'operator')
    await use(page)
  },
  asViewer: async ({ page }, use) => {
    await loginAs(page, 'viewer')
    await use(page)
  },
})

export { expect }
