/**
 * One Cosmos RPC endpoint: POST, exact request media type in Content-Type, response type chosen
 * from Accept, JSON body parsed and decoded, errors in the Cosmos envelope, nulls dropped from
 * the response (Cosmos's printer drops null members).
 */
import type { Context } from 'hono'
import { CosmosError, headerNotPresent, headerNotValid, jsonError } from '../errors.ts'
import { negotiate, sameMediaType } from '../media-types.ts'
import type { JsonObject } from '../universe/package-definition.ts'

export interface RpcSpec {
  requestType: string
  /** response media types in order of preference */
  responseTypes: string[]
}

export type RpcHandler = (body: JsonObject, responseType: string, c: Context) => Promise<unknown> | unknown

function dropNullMembers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNullMembers)
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = dropNullMembers(x)
    return out
  }
  return v
}

export function cosmosJson(body: unknown, type: string, status = 200): Response {
  return new Response(JSON.stringify(dropNullMembers(body)), { status, headers: { 'Content-Type': type } })
}

export function rpc(spec: RpcSpec, handler: RpcHandler): (c: Context) => Promise<Response> {
  return async (c) => {
    try {
      const accept = c.req.header('Accept')
      const responseType = negotiate(accept, spec.responseTypes)
      if (!responseType) {
        throw headerNotValid('Accept', `Media type was [${accept ?? ''}] but should be one of [${spec.responseTypes.join(', ')}]`, [accept], spec.responseTypes)
      }
      const contentType = c.req.header('Content-Type')
      if (contentType === undefined) throw headerNotPresent('Content-Type')
      if (!sameMediaType(contentType, spec.requestType)) {
        throw headerNotValid('Content-Type', `Media type was ${contentType}, but should be one of [${spec.requestType}]`, contentType, [spec.requestType])
      }
      const text = await c.req.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch (err) {
        throw jsonError('parse', (err as Error).message)
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw jsonError('decode', 'Attempt to decode value on failed cursor', '')
      const result = await handler(body as JsonObject, responseType, c)
      return result instanceof Response ? result : cosmosJson(result, responseType)
    } catch (err) {
      if (err instanceof CosmosError) return err.toResponse()
      console.error('[cosmos] unhandled', err)
      // The detail goes to the log only: an internal message can carry paths or file contents.
      return new CosmosError('unhandled_exception', 'Unhandled exception', 500).toResponse()
    }
  }
}

/** Decoders for request fields: a wrong type is a circe DecodingFailure (json_error/decode). */
export function str(body: JsonObject, key: string): string {
  const v = body[key]
  if (typeof v !== 'string') throw jsonError('decode', v === undefined ? 'Attempt to decode value on failed cursor' : 'String', key)
  return v
}

export function optStr(body: JsonObject, key: string): string | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw jsonError('decode', 'String', key)
  return v
}

export function optBool(body: JsonObject, key: string): boolean | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw jsonError('decode', 'Boolean', key)
  return v
}

export function optObject(body: JsonObject, key: string): JsonObject | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'object' || Array.isArray(v)) throw jsonError('decode', 'JsonObject', key)
  return v as JsonObject
}
