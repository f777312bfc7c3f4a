/**
 * The subset of JSON Schema (draft-04, as Universe `config.json` files use it) that the install
 * form renders and checks: objects with properties/required, strings (enum, pattern, length),
 * numbers/integers (minimum/maximum), booleans, defaults and descriptions.
 * The BFF validates the final options against the full schema with Ajv; this gives per-field
 * feedback while typing (Ajv cannot compile in the browser under the BFF's `script-src 'self'` CSP).
 */
export interface JsonSchema {
  type?: string | string[]
  title?: string
  description?: string
  default?: unknown
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  items?: JsonSchema
}

export type FieldErrors = Record<string, string>

export function schemaType(s: JsonSchema): string {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type
  if (t) return t
  if (s.properties) return 'object'
  if (s.enum) return typeof s.enum[0] === 'number' ? 'number' : 'string'
  return 'string'
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The options object the schema's defaults describe (Cosmos merges the same defaults). */
export function defaultsOf(s: JsonSchema): unknown {
  if (schemaType(s) === 'object') {
    const out: Record<string, unknown> = isObject(s.default) ? { ...s.default } : {}
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      const d = defaultsOf(child)
      if (d !== undefined && !(k in out)) out[k] = d
    }
    return out
  }
  return s.default
}

/**
 * A pattern in words where it is a known one: Universe packages give `service.name` Marathon's
 * path-id pattern (`^(\/?((\.\.)|(([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])\.)*...`), which no operator reads.
 */
function patternMessage(pattern: string): string {
  if (pattern.includes('[a-z0-9]') && pattern.includes('\\.\\.')) return 'Use lowercase letters, digits and dashes (not at the start or end of a part), with / between folders, e.g. dev/kafka'
  return `Must match ${pattern}`
}

function checkValue(s: JsonSchema, v: unknown): string | null {
  const t = schemaType(s)
  if (s.enum && !s.enum.some((e) => e === v)) return `Must be one of ${s.enum.map(String).join(', ')}`
  if (t === 'string') {
    if (typeof v !== 'string') return 'Must be text'
    if (s.minLength !== undefined && v.length < s.minLength) return `At least ${s.minLength} characters`
    if (s.maxLength !== undefined && v.length > s.maxLength) return `At most ${s.maxLength} characters`
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) return patternMessage(s.pattern)
  }
  if (t === 'number' || t === 'integer') {
    if (typeof v !== 'number' || Number.isNaN(v)) return 'Must be a number'
    if (t === 'integer' && !Number.isInteger(v)) return 'Must be a whole number'
    if (s.minimum !== undefined && (s.exclusiveMinimum === true ? v <= s.minimum : v < s.minimum)) return `Must be ${s.exclusiveMinimum === true ? '>' : '≥'} ${s.minimum}`
    if (s.maximum !== undefined && (s.exclusiveMaximum === true ? v >= s.maximum : v > s.maximum)) return `Must be ${s.exclusiveMaximum === true ? '<' : '≤'} ${s.maximum}`
  }
  if (t === 'boolean' && typeof v !== 'boolean') return 'Must be true or false'
  return null
}

/** Per-field errors keyed by JSON pointer (`/service/name`), matching the BFF's `details[].path`. */
export function validateOptions(s: JsonSchema, value: unknown, path = ''): FieldErrors {
  const errors: FieldErrors = {}
  if (schemaType(s) === 'object') {
    if (!isObject(value)) {
      errors[path || '/'] = 'Must be an object'
      return errors
    }
    for (const key of s.required ?? []) {
      const v = value[key]
      if (v === undefined || v === '') errors[`${path}/${key}`] = 'Required'
    }
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      if (value[k] === undefined || errors[`${path}/${k}`]) continue
      Object.assign(errors, validateOptions(child, value[k], `${path}/${k}`))
    }
    return errors
  }
  const e = checkValue(s, value)
  if (e) errors[path] = e
  return errors
}

/** Immutable set at a JSON pointer path; `undefined` removes the key. */
export function setAt(root: unknown, path: string[], v: unknown): Record<string, unknown> {
  const obj = isObject(root) ? { ...root } : {}
  const [head, ...rest] = path
  if (head === undefined) return obj
  if (rest.length === 0) {
    if (v === undefined) delete obj[head]
    else obj[head] = v
  } else obj[head] = setAt(obj[head], rest, v)
  return obj
}

export function getAt(root: unknown, path: string[]): unknown {
  let cur = root
  for (const k of path) cur = isObject(cur) ? cur[k] : undefined
  return cur
}
