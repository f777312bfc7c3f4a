/**
 * Answers with JSON text serialized earlier (a cached body), typed for the RPC client as if it
 * were `c.json(value)` of a `T`.
 */
import type { Context, TypedResponse } from 'hono'
import type { JSONParsed } from 'hono/utils/types'

export function jsonText<T>(c: Context, text: string | Uint8Array): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  return c.body(typeof text === 'string' ? text : (text as Uint8Array<ArrayBuffer>), 200, { 'content-type': 'application/json' }) as unknown as Response & TypedResponse<JSONParsed<T>, 200, 'json'>
}
