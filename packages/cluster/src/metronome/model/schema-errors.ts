/**
 * Runs Metronome's JSON schemas with ajv and renders failures the way Metronome does: HTTP 422
 * with `{"message": "Object is not valid", "details": [{"path", "errors": [...]}]}` (Play's
 * JsError writes in dcos.metronome.api.v1.models). Messages follow play-json-schema-validator,
 * the library Metronome validates with ("Property id missing.", "0 is smaller than required
 * minimum value of 0.01."); paths are Play JsPath strings ("/run/cpus", arrays as "(0)").
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'

export interface ErrorDetail {
  path: string
  errors: string[]
}

export interface InvalidObject {
  message: 'Object is not valid'
  details: ErrorDetail[]
}

// `strict: false`: Metronome's schemas carry loose keyword combinations; `verbose`: messages quote the value.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true })

export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema)
}

/** ajv instancePath "/run/artifacts/0/uri" → Play JsPath "/run/artifacts(0)/uri". */
export function jsPath(instancePath: string): string {
  if (instancePath === '') return '/'
  return instancePath
    .split('/')
    .slice(1)
    .map((seg) => (/^\d+$/.test(seg) ? `(${seg})` : `/${seg.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function render(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v)
}

function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `Property ${String(p.missingProperty)} missing.`
    case 'additionalProperties':
      return `Additional properties are not allowed but found properties '${String(p.additionalProperty)}'.`
    case 'type':
      return `Wrong type. Expected ${String(p.type)}, was ${jsonTypeOf(e.data)}.`
    case 'minimum':
      return `${render(e.data)} is smaller than required minimum value of ${String(p.limit)}.`
    case 'minLength':
      return `'${render(e.data)}' does not match minimum length of ${String(p.limit)}.`
    case 'pattern':
      return `'${render(e.data)}' does not match pattern '${String(p.pattern)}'.`
    case 'enum':
      return `Instance is invalid enum value.`
    case 'oneOf':
      return `Instance does not match exactly one schema.`
    default:
      return e.message ?? 'Invalid value.'
  }
}

/** Groups ajv errors per path in first-seen order; nested oneOf branch noise is dropped. */
export function schemaFailure(errors: readonly ErrorObject[]): InvalidObject {
  const byPath = new Map<string, string[]>()
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath))
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/')) continue
    const path = jsPath(e.instancePath)
    const list = byPath.get(path) ?? []
    const msg = messageOf(e)
    if (!list.includes(msg)) list.push(msg)
    byPath.set(path, list)
  }
  return { message: 'Object is not valid', details: [...byPath].map(([path, errs]) => ({ path, errors: errs })) }
}

export function invalid(path: string, ...errors: string[]): InvalidObject {
  return { message: 'Object is not valid', details: [{ path, errors }] }
}
