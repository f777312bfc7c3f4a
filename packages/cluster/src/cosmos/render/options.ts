/**
 * Install options the way Cosmos computes them (JsonSchema.extractDefaultsFromSchema and
 * JsonUtil.merge): defaults from the config schema, deep-merged with the user's options.
 */
import type { JsonObject } from '../universe/package-definition.ts'

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A property's `default` is taken whole (an object default wins over its children's); otherwise
 * object properties are recursed and kept only when non-empty. `items` and `$ref` are not visited.
 */
export function extractDefaults(schema: JsonObject | undefined): JsonObject {
  const out: JsonObject = {}
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

/** circe deepMerge: objects merge key by key; arrays, scalars and null are replaced. */
export function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base }
  for (const [k, v] of Object.entries(over)) {
    const cur = out[k]
    out[k] = isObject(cur) && isObject(v) ? deepMerge(cur, v) : v
  }
  return out
}

/** Drops null members recursively (DCOS_PACKAGE_OPTIONS stores options without nulls). */
export function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls)
  if (isObject(v)) {
    const out: JsonObject = {}
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = dropNulls(x)
    return out
  }
  return v
}

export { isObject }
