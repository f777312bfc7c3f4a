/**
 * PackageDefinitionRenderer.renderMarathonV2App: defaults + user options → draft-04 validation →
 * mustache (no HTML escaping, Cosmos value printing) → JSON object → labels decorated.
 */
import Mustache from 'mustache'
import { CosmosError, jsonSchemaMismatch, optionsNotAllowed } from '../errors.ts'
import type { JsonObject, PackageDefinition } from '../universe/package-definition.ts'
import { deepMerge, dropNulls, extractDefaults, isObject } from './options.ts'
import { toMustacheView } from './mustache-view.ts'
import { cosmosLabels } from './package-labels.ts'
import { validateOptions } from './validate-options.ts'

export interface RenderInput {
  pkg: PackageDefinition
  sourceUri: string
  options?: JsonObject
  appId?: string
}

export interface RenderResult {
  /** undefined for packages without a Marathon template (CLI-only) */
  app?: JsonObject
  resolvedOptions: JsonObject
}

/** Merged options, validated the way Cosmos validates them (the merged document, not the input). */
export function resolveOptions(pkg: PackageDefinition, userOptions: JsonObject): JsonObject {
  const merged = deepMerge(extractDefaults(pkg.config), userOptions)
  if (Object.keys(merged).length === 0) return merged
  if (!pkg.config) throw optionsNotAllowed()
  const errors = validateOptions(pkg.config, merged)
  if (errors.length > 0) throw jsonSchemaMismatch(errors)
  return merged
}

export function renderMarathonApp(input: RenderInput): RenderResult {
  const { pkg } = input
  const userOptions = input.options ?? {}
  // No template → nothing to render, and options are not validated (CLI-only packages).
  if (!pkg.marathon?.v2AppMustacheTemplate) return { resolvedOptions: userOptions }
  const resolvedOptions = resolveOptions(pkg, userOptions)
  const template = Buffer.from(pkg.marathon.v2AppMustacheTemplate, 'base64').toString('utf8')
  const context = deepMerge(resolvedOptions, { resource: (pkg.resource ?? {}) as JsonObject })
  let text: string
  try {
    text = Mustache.render(template, toMustacheView(context), {}, { escape: (v: unknown) => String(v) })
  } catch (err) {
    throw new CosmosError('RenderedTemplateNotJson', `Rendered template is not valid JSON: ${(err as Error).message}`)
  }
  let app: unknown
  try {
    app = JSON.parse(text)
  } catch (err) {
    throw new CosmosError('RenderedTemplateNotJson', 'Rendered template is not valid JSON', 400, { parseError: (err as Error).message })
  }
  if (!isObject(app)) throw new CosmosError('MarathonTemplateMustBeJsonObject', 'Rendered Marathon JSON must be a JSON object')
  const labels = app.labels ?? {}
  if (!isObject(labels) || Object.values(labels).some((v) => typeof v !== 'string')) {
    throw new CosmosError('InvalidLabelSchema', 'Labels of the rendered Marathon app must be a string to string map')
  }
  if (input.appId !== undefined) app.id = input.appId
  app.labels = { ...labels, ...cosmosLabels(pkg, input.sourceUri, dropNulls(userOptions) as JsonObject) }
  return { app, resolvedOptions }
}
