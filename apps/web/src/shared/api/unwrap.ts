/**
 * Turns a typed Hono client call into its success body, or throws `ApiError`.
 * The success type comes from the route's `c.json(body, 2xx)` through Hono RPC.
 */
import type { ClientResponse } from 'hono/client'
import { ApiError, apiErrorFromBody } from './api-error.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyResponse = ClientResponse<any, number, string>

type OkBody<R> = R extends ClientResponse<infer B, infer S, infer _F> ? (S extends 200 | 201 | 202 ? B : never) : never

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined
  const text = await res.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

export async function unwrap<R extends AnyResponse>(call: Promise<R> | R): Promise<OkBody<R>> {
  let res: R
  try {
    res = await call
  } catch (e) {
    throw new ApiError(0, 'Network', e instanceof Error ? e.message : 'Network request failed')
  }
  const body = await readBody(res as unknown as Response)
  if (!res.ok) throw apiErrorFromBody(res.status, body)
  return body as OkBody<R>
}
