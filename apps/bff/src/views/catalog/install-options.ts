/**
 * Install options checked in the BFF before Cosmos sees them, the way Cosmos checks them
 * (upstream-apis.md §4.6): defaults extracted from the package's `config` schema, deep-merged
 * with the user's options, validated as JSON Schema draft-04. Ajv settings follow what real
 * Universe packages need: non-strict, all errors, no unicode regexps, and property-level `id`s
 * stripped (cassandra/hdfs repeat them, which Ajv refuses as duplicate ids).
 */
import type { FieldError } from '@meridian/api'
import type { ErrorObject, ValidateFunction } from 'ajv'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateSchema: false })
addFormats(ajv)

/** Compiled validators by schema text; bounded so a repository with many versions cannot grow it forever. */
const compiled = new Map<string, ValidateFunction>()
const MAX_COMPILED = 64

/** Cosmos's extractDefaultsFromSchema: a property's `default` whole, else recurse into object properties (kept when non-empty). */
export function extractDefaults(schema: Json | undefined): Json {
  const out: Json = {}
  const props = schema?.properties
  if (!isObject(props)) return out
  for (const [key, prop] of Object.entries(props)) {
    if (!isObject(prop)) continue
    if ('default' in prop) out[key] = prop.default
    else if (isObject(prop.properties)) {
      const sub = extractDefaults(prop)
      if (Object.keys(sub).length > 0) out[key] = sub
    }
  }
  return out
}

/** circe deepMerge: objects merge key by key; arrays, scalars and null replace. */
export function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(over)) {
    const cur = out[k]
    out[k] = isObject(cur) && isObject(v) ? deepMerge(cur, v) : v
  }
  return out
}

function stripIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripIds)
  if (!isObject(schema)) return schema
  const out: Json = {}
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$schema' || (k === 'id' && typeof v === 'string')) continue
    // `properties` maps names to schemas: a property *named* id must be kept.
    out[k] = (k === 'properties' || k === 'definitions' || k === 'patternProperties') && isObject(v) ? Object.fromEntries(Object.entries(v).map(([n, s]) => [n, stripIds(s)])) : stripIds(v)
  }
  return out
}

function validatorFor(config: Json): ValidateFunction {
  const key = JSON.stringify(config)
  let v = compiled.get(key)
  if (!v) {
    v = ajv.compile(stripIds(config) as Json)
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!)
    compiled.set(key, v)
  }
  return v
}

/** One field error per Ajv error; `required`/`additionalProperties` point at the property itself. */
function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const byPath = new Map<string, string[]>()
  for (const e of errors) {
    const params = e.params as { missingProperty?: string; additionalProperty?: string }
    const prop = e.keyword === 'required' ? params.missingProperty : e.keyword === 'additionalProperties' ? params.additionalProperty : undefined
    const path = (prop !== undefined ? `${e.instancePath}/${prop}` : e.instancePath) || '/'
    const message = e.keyword === 'additionalProperties' ? 'is not a known option' : (e.message ?? 'is invalid')
    byPath.set(path, [...(byPath.get(path) ?? []), message])
  }
  return [...byPath].map(([path, errs]) => ({ path, errors: errs }))
}

/**
 * Field errors of `options` for a package (empty = valid). Options for a package without a
 * config schema are refused, as Cosmos does (OptionsNotAllowed).
 */
export function validateInstallOptions(config: Json | null | undefined, options: Json | undefined): FieldError[] {
  const given = options ?? {}
  if (!config) return Object.keys(given).length > 0 ? [{ path: '/', errors: ['this package takes no options'] }] : []
  const merged = deepMerge(extractDefaults(config), given)
  const validate = validatorFor(config)
  return validate(merged) ? [] : toFieldErrors(validate.errors ?? [])
}
