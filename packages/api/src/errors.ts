/**
 * The one error envelope every BFF route answers with on failure. `kind` is mapped once to an
 * HTTP status in the BFF (`apps/bff/src/errors.ts`) and once to a UI message in the SPA.
 */
import { z } from 'zod'

/** Every error kind the BFF reports. */
export const ERROR_KINDS = [
  'ValidationFailed',
  'Unauthenticated',
  'Forbidden',
  'NotFound',
  'Conflict',
  'UpstreamRejected',
  'UpstreamUnavailable',
] as const
/** One of {@link ERROR_KINDS}. */
export type ErrorKind = (typeof ERROR_KINDS)[number]

/** A per-field problem: Marathon/Metronome 422 `details[]`, Ajv errors, zod issues. */
export const FieldErrorSchema = z.object({ path: z.string(), errors: z.array(z.string()) })
/** A per-field problem (path is JSON-pointer-like, e.g. `/upgradeStrategy/minimumHealthCapacity`). */
export type FieldError = z.infer<typeof FieldErrorSchema>

/** Which upstream said no, and what it said (kept verbatim for operators). */
export const UpstreamErrorInfoSchema = z.object({
  name: z.enum(['mesos', 'marathon', 'metronome', 'cosmos', 'sdk', 'iam', 'dcos']),
  status: z.number().int().optional(),
  message: z.string().optional(),
  /** Cosmos error `type`, e.g. `PackageNotFound`. */
  type: z.string().optional(),
})
/** Upstream attribution carried by UpstreamRejected/UpstreamUnavailable errors. */
export type UpstreamErrorInfo = z.infer<typeof UpstreamErrorInfoSchema>

/** `{error: {kind, message, details?, upstream?}}` */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    details: z.array(FieldErrorSchema).optional(),
    upstream: UpstreamErrorInfoSchema.optional(),
  }),
})
/** The body of every non-2xx BFF response. */
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>
