/**
 * One error model for the whole BFF: an `AppError` with a kind, mapped here (and only here) to
 * an HTTP status, and rendered as the `{error: {kind, message, details?, upstream?}}` envelope.
 */
import type { ErrorEnvelope, ErrorKind, FieldError, UpstreamErrorInfo } from '@meridian/api'
import { HTTPException } from 'hono/http-exception'

/** Kind → HTTP status. UpstreamRejected is 422: the upstream understood and refused. */
export const STATUS_BY_KIND = {
  ValidationFailed: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  UpstreamRejected: 422,
  UpstreamUnavailable: 503,
} as const satisfies Record<ErrorKind, number>

/** Error statuses routes can answer with (for the typed client). */
export type ErrorStatus = (typeof STATUS_BY_KIND)[ErrorKind]

/** The BFF's error value; thrown by adapters and views, rendered by `app.onError`. */
export class AppError extends Error {
  readonly kind: ErrorKind
  readonly details: FieldError[] | undefined
  readonly upstream: UpstreamErrorInfo | undefined

  constructor(kind: ErrorKind, message: string, opts: { details?: FieldError[]; upstream?: UpstreamErrorInfo; cause?: unknown } = {}) {
    super(message, opts.cause !== undefined ? { cause: opts.cause } : undefined)
    this.name = 'AppError'
    this.kind = kind
    this.details = opts.details
    this.upstream = opts.upstream
  }

  get status(): ErrorStatus {
    return STATUS_BY_KIND[this.kind]
  }

  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.kind, this.message, this.details, this.upstream)
  }
}

/** Builds the envelope without undefined members. */
export function errorEnvelope(kind: ErrorKind, message: string, details?: FieldError[], upstream?: UpstreamErrorInfo): ErrorEnvelope {
  return {
    error: {
      kind,
      message,
      ...(details && details.length > 0 ? { details } : {}),
      ...(upstream ? { upstream } : {}),
    },
  }
}

/**
 * Any thrown value as an AppError; unknown errors never leak their stack or message. Hono's own
 * 4xx (a request body that is not JSON, from its validator) are the caller's mistake, not the
 * cluster's.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
    return new AppError('ValidationFailed', /malformed json/i.test(err.message) ? 'The request body is not valid JSON' : err.message || 'Invalid request')
  }
  return new AppError('UpstreamUnavailable', 'Internal error while talking to the cluster')
}
