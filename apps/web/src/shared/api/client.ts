/**
 * The typed BFF client (Hono RPC). Types only come from the BFF (`import type`), so no server
 * code reaches the bundle. Tests build one with `fetch: bffApp.request` to run the real BFF
 * in-process.
 */
import { hc } from 'hono/client'
import type { AppType } from '@meridian/bff'
import { csrfHeaders } from './csrf.ts'

export type ApiClient = ReturnType<typeof hc<AppType>>

export interface ApiClientOptions {
  baseUrl?: string
  fetch?: typeof fetch
}

export function createApiClient(opts: ApiClientOptions = {}): ApiClient {
  return hc<AppType>(opts.baseUrl ?? '/', {
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    headers: () => csrfHeaders(),
    init: { credentials: 'same-origin' },
  })
}
