/**
 * Draft-04 validation of merged install options (Cosmos uses java-json-tools
 * json-schema-validator). Ajv's draft-04 build with the settings universe-format.md §5.10 found
 * necessary for real packages: non-strict, every error, no unicode regexps, formats ignored and
 * property-level `id`s stripped (cassandra/hdfs repeat them, which Ajv rejects).
 */
import Ajv from 'ajv-draft-04'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { JsonObject } from '../universe/package-definition.ts'
import { isObject } from './options.ts'

const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false, validateSchema: false })
const cache = new WeakMap<object, ValidateFunction>()

function stripIds(schema: unknown, top: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => stripIds(s, false))
  if (!isObject(schema)) return schema
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(schema)) {
    if ((k === 'id' || k === '$schema') && typeof v === 'string' && !top) continue
    if (k === '$schema') continue
    // `properties`/`definitions` map names to schemas: a property *named* id must be kept.
    out[k] = k === 'properties' || k === 'definitions' || k === 'patternProperties' ? mapValues(v) : stripIds(v, false)
  }
  if (top) delete out.id
  return out
}

function mapValues(v: unknown): unknown {
  if (!isObject(v)) return v
  const out: JsonObject = {}
  for (const [k, s] of Object.entries(v)) out[k] = stripIds(s, false)
  return out
}

/** A json-schema-validator style report (what Cosmos puts in JsonSchemaMismatch.data.errors). */
export interface SchemaReport {
  level: 'error'
  schema: { loadingURI: '#'; pointer: string }
  instance: { pointer: string }
  domain: 'validation'
  keyword: string
  message: string
  [extra: string]: unknown
}

function toReport(e: ErrorObject): SchemaReport {
  const schemaPointer = e.schemaPath.replace(/^#/, '').replace(/\/[^/]+$/, '')
  const base: SchemaReport = {
    level: 'error',
    schema: { loadingURI: '#', pointer: schemaPointer },
    instance: { pointer: e.instancePath },
    domain: 'validation',
    keyword: e.keyword,
    message: e.message ?? 'invalid',
  }
  if (e.keyword === 'required') return { ...base, required: [], missing: [(e.params as { missingProperty: string }).missingProperty] }
  if (e.keyword === 'type') return { ...base, expected: [(e.params as { type: string }).type].flat() }
  if (e.keyword === 'additionalProperties') return { ...base, unwanted: [(e.params as { additionalProperty: string }).additionalProperty] }
  return base
}

/** Validates `options` against the package's config schema; returns reports (empty = valid). */
export function validateOptions(config: JsonObject, options: JsonObject): SchemaReport[] {
  let validate = cache.get(config)
  if (!validate) {
    validate = ajv.compile(stripIds(config, true) as JsonObject)
    cache.set(config, validate)
  }
  if (validate(options)) return []
  return (validate.errors ?? []).map(toReport)
}
