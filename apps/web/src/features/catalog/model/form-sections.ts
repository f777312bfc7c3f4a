/**
 * The top-level sections of a package's install form (Cassandra, Kafka: service, nodes, brokers,
 * security…) for the form's section nav, with the number of errors in each, so a failed review
 * points at the sections to fix.
 */
import { schemaType, type FieldErrors, type JsonSchema } from './json-schema.ts'

/** From this many top-level sections on, the form gets a section nav. */
export const SECTION_NAV_MIN = 3

export interface FormSection {
  key: string
  label: string
  errors: number
}

/** A field's label: its schema title, else its name in sentence case (`log_level` → `Log level`). */
export function fieldLabel(name: string, s: JsonSchema): string {
  return s.title ?? name.replace(/[_-]/g, ' ').replace(/^\w/, (c) => c.toUpperCase())
}

/** Top-level object properties, in schema order, with their error counts (errors keyed by JSON pointer). */
export function formSections(schema: JsonSchema, errors: FieldErrors): FormSection[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, child]) => schemaType(child) === 'object')
    .map(([key, child]) => ({
      key,
      label: fieldLabel(key, child),
      errors: Object.keys(errors).filter((p) => p === `/${key}` || p.startsWith(`/${key}/`)).length,
    }))
}
