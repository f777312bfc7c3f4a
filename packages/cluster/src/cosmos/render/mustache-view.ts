/**
 * Turns merged options + resource into the view mustache.js renders, reproducing Cosmos's
 * JSON → Java conversion (PackageDefinitionRenderer.jsonToJava) and mustache.java's printing
 * and truthiness (universe-format.md §3.6 and §5):
 * - strings are JSON-escaped without their outer quotes; inside a list they keep the quotes;
 * - lists print as Java list text `[a, b]` and expose a non-enumerable `isEmpty`;
 * - every number is truthy (0 included), so numbers are boxed;
 * - integral numbers print without a fraction.
 */
import { isObject } from './options.ts'

const jsonEscape = (s: string): string => JSON.stringify(s).slice(1, -1)

function javaText(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(javaText).join(', ')}]`
  if (isObject(v)) return `{${Object.entries(v).map(([k, x]) => `${k}=${javaText(x)}`).join(', ')}}`
  return String(v)
}

/** A string element of a list: renders with its quotes, like a Java list item would. */
function listString(s: string): object {
  return { toString: () => JSON.stringify(s) }
}

export function toMustacheView(value: unknown, inList = false): unknown {
  if (typeof value === 'string') return inList ? listString(value) : jsonEscape(value)
  // Boxed so mustache.js treats 0 as true, like mustache.java.
  if (typeof value === 'number') return new Number(value)
  if (Array.isArray(value)) {
    const list = value.map((v) => toMustacheView(v, true))
    Object.defineProperty(list, 'toString', { value: () => javaText(value), enumerable: false })
    Object.defineProperty(list, 'isEmpty', { value: value.length === 0, enumerable: false })
    return list
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = toMustacheView(v)
    return out
  }
  return value
}
