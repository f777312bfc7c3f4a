/** One stored version of a service's app definition (Marathon `/v2/apps/{id}/versions/{version}`). */
import { z } from 'zod'
import { ServiceIdSchema } from './services.ts'

/**
 * A Marathon version: the ISO-8601 timestamp Marathon stamps on every stored definition
 * (`2026-11-25T12:00:00.000Z`). Checked before it is put into an upstream URL.
 */
export const ServiceVersionSchema = z.iso.datetime({ offset: true, message: 'must be an ISO version timestamp' })
/** `:id/versions/:version` path parameters (both URL-encoded). */
export const ServiceVersionParamSchema = z.object({ id: ServiceIdSchema, version: ServiceVersionSchema })

/** GET /api/services/:id/versions/:version */
export interface ServiceVersionView {
  /** absolute Marathon id */
  id: string
  /** the version requested */
  version: string
  /** the app definition stored at that version, without Marathon's `version`/`versionInfo` stamps */
  definition: Record<string, unknown>
}
