/**
 * The one error type the SPA's fetchers throw. The BFF answers every failure with the envelope
 * `{ error: { kind, message, details?, upstream? } }`; network failures become `Network`.
 */
export type ErrorKind =
  | 'ValidationFailed'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'NotFound'
  | 'Conflict'
  | 'UpstreamRejected'
  | 'UpstreamUnavailable'
  | 'Network'
  | 'Unknown'

const KINDS: readonly ErrorKind[] = [
  'ValidationFailed',
  'Unauthenticated',
  'Forbidden',
  'NotFound',
  'Conflict',
  'UpstreamRejected',
  'UpstreamUnavailable',
]

/** Field-level problems keyed by the BFF's path (`/container/docker/image`), one message each. */
export type ErrorDetails = Record<string, string>

export class ApiError extends Error {
  readonly status: number
  readonly kind: ErrorKind
  readonly details: ErrorDetails
  constructor(status: number, kind: ErrorKind, message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.kind = kind
    this.details = details
  }
}

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'ValidationFailed',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  422: 'ValidationFailed',
  502: 'UpstreamRejected',
  503: 'UpstreamUnavailable',
  504: 'UpstreamUnavailable',
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Normalises `details` that may come as a record or as `[{ path, message }]` (zod issues). */
function toDetails(raw: unknown): ErrorDetails {
  const out: ErrorDetails = {}
  if (Array.isArray(raw)) {
    for (const issue of raw) {
      if (!isRecord(issue)) continue
      const path = Array.isArray(issue.path) ? issue.path.join('.') : typeof issue.path === 'string' ? issue.path : ''
      if (typeof issue.message === 'string') out[path] = issue.message
      else if (Array.isArray(issue.errors)) out[path] = issue.errors.filter((m) => typeof m === 'string').join('; ')
    }
  } else if (isRecord(raw)) {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v
  }
  return out
}

/** Builds an ApiError from an HTTP status and whatever body the server sent. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const fallbackKind = KIND_BY_STATUS[status] ?? 'Unknown'
  const env = isRecord(body) && isRecord(body.error) ? body.error : undefined
  if (!env) return new ApiError(status, fallbackKind, typeof body === 'string' && body ? body : `Request failed (${status})`)
  const kind = typeof env.kind === 'string' && (KINDS as readonly string[]).includes(env.kind) ? (env.kind as ErrorKind) : fallbackKind
  const message = typeof env.message === 'string' ? env.message : `Request failed (${status})`
  return new ApiError(status, kind, message, toDetails(env.details))
}

/** What a person should read for each kind; the server message is shown beneath it. */
export const ERROR_TITLES: Record<ErrorKind, string> = {
  ValidationFailed: 'Some values are not valid',
  Unauthenticated: 'Your session has ended',
  Forbidden: 'You do not have permission for this',
  NotFound: 'Not found',
  Conflict: 'The cluster is busy with a conflicting change',
  UpstreamRejected: 'The cluster rejected the request',
  UpstreamUnavailable: 'The cluster is unreachable',
  Network: 'Cannot reach Meridian',
  Unknown: 'Something went wrong',
}
