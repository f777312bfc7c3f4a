/**
 * The one HTTP path every upstream adapter uses: injected fetch, base URL, DC/OS
 * `Authorization: token=...`, a timeout per attempt (AbortSignal), retries for idempotent
 * reads, and upstream failures mapped to AppError (4xx keep the upstream text; timeouts,
 * refused connections and 5xx become UpstreamUnavailable).
 */
import type { FieldError, UpstreamErrorInfo } from '@meridian/api'
import { AppError } from '../errors.ts'

/** Upstream names as they appear in error envelopes. */
export type UpstreamName = UpstreamErrorInfo['name']

/** What every adapter factory takes. */
export interface UpstreamClientOptions {
  /** e.g. `http://127.0.0.1:8080/service/marathon` (no trailing slash) */
  baseUrl: string
  /** DC/OS auth token, sent as `Authorization: token=<token>` */
  token?: string
  fetch?: typeof fetch
  /** per attempt, ms (default 10 s) */
  timeoutMs?: number
  /** extra attempts for idempotent requests (default 2) */
  retries?: number
}

/** One request. */
export interface UpstreamRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | undefined | Array<string>>
  body?: unknown
  headers?: Record<string, string>
  /** safe to retry (GET by default) */
  idempotent?: boolean
  /** statuses that are not errors (besides 2xx), e.g. SDK plans 202/417 */
  acceptStatuses?: number[]
  signal?: AbortSignal
}

/** A raw upstream response after status checks. */
export interface UpstreamResponse {
  status: number
  headers: Headers
  text: string
}

/** Joins base URL, path and query (path must already be encoded by the adapter). */
export function buildUrl(baseUrl: string, path: string, query?: UpstreamRequest['query']): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path)
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item)
    else url.searchParams.set(k, String(v))
  }
  return url.toString()
}

/** Headers common to every call (auth + content negotiation). */
export function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `token=${token}` } : {}
}

/** Sends one request with timeout/retry and maps failures to AppError. */
export async function sendUpstream(name: UpstreamName, opts: UpstreamClientOptions, req: UpstreamRequest): Promise<UpstreamResponse> {
  const method = req.method ?? 'GET'
  const idempotent = req.idempotent ?? method === 'GET'
  const attempts = 1 + (idempotent ? (opts.retries ?? 2) : 0)
  const doFetch = opts.fetch ?? fetch
  const url = buildUrl(opts.baseUrl, req.path, req.query)
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(opts.token), ...req.headers }
  let body: string | undefined
  if (req.body !== undefined) {
    body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body)
    headers['content-type'] ??= 'application/json'
  }
  let lastError: AppError | undefined
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await delay(100 * 2 ** (attempt - 1))
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10_000)
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
    let res: Response
    let text: string
    try {
      res = await doFetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal, redirect: 'manual' })
      text = await res.text()
    } catch (cause) {
      if (req.signal?.aborted) throw cause
      const timedOut = timeout.aborted
      lastError = new AppError('UpstreamUnavailable', `${displayName(name)} ${timedOut ? 'timed out' : 'is unreachable'}`, { upstream: { name }, cause })
      continue
    }
    if ((res.status >= 200 && res.status < 300) || req.acceptStatuses?.includes(res.status)) return { status: res.status, headers: res.headers, text }
    lastError = mapUpstreamFailure(name, res.status, text)
    if (lastError.kind !== 'UpstreamUnavailable') throw lastError
  }
  throw lastError ?? new AppError('UpstreamUnavailable', `${displayName(name)} is unreachable`, { upstream: { name } })
}

/** Sends and parses a JSON body (empty body → undefined). */
export async function sendJson<T>(name: UpstreamName, opts: UpstreamClientOptions, req: UpstreamRequest): Promise<{ status: number; headers: Headers; body: T }> {
  const res = await sendUpstream(name, opts, req)
  if (res.text.trim() === '') return { status: res.status, headers: res.headers, body: undefined as T }
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(res.text) as T }
  } catch (cause) {
    throw new AppError('UpstreamUnavailable', `${displayName(name)} answered with a body that is not JSON`, { upstream: { name, status: res.status }, cause })
  }
}

/**
 * Maps an upstream error status and body. Marathon/Metronome send `{message, details}`, Cosmos
 * `{type, message, data}`, IAM `{title, description, code}`, Mesos and the SDK plain text;
 * 307 from a non-leading Mesos master and 5xx mean "cluster unavailable" (upstream-apis §1.1).
 */
export function mapUpstreamFailure(name: UpstreamName, status: number, text: string): AppError {
  const parsed = parseErrorBody(text)
  const upstream: UpstreamErrorInfo = { name, status, ...(parsed.message ? { message: parsed.message } : {}), ...(parsed.type ? { type: parsed.type } : {}) }
  const message = parsed.message ?? `${displayName(name)} answered ${status}`
  const opts = { upstream, ...(parsed.details ? { details: parsed.details } : {}) }
  if (status >= 500 || status === 307 || status === 429 || (status >= 300 && status < 400)) return new AppError('UpstreamUnavailable', message, opts)
  if (status === 401) return new AppError('Unauthenticated', message, opts)
  if (status === 403) return new AppError('Forbidden', message, opts)
  if (status === 404) return new AppError('NotFound', message, opts)
  if (status === 409) return new AppError('Conflict', message, opts)
  return new AppError('UpstreamRejected', message, opts)
}

function parseErrorBody(text: string): { message?: string; type?: string; details?: FieldError[] } {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    // Mesos and SDK errors are plain text; Admin Router's 401/403 are HTML (drop those).
    return trimmed.startsWith('<') ? {} : { message: trimmed.slice(0, 1000) }
  }
  if (typeof json !== 'object' || json === null) return { message: String(json) }
  const o = json as Record<string, unknown>
  const message = typeof o.message === 'string' ? o.message : typeof o.description === 'string' ? o.description : undefined
  const type = typeof o.type === 'string' ? o.type : typeof o.code === 'string' ? o.code : undefined
  return { ...(message ? { message } : {}), ...(type ? { type } : {}), ...fieldDetails(o) }
}

/** Marathon/Metronome `details: [{path, errors}]`; Cosmos JsonSchemaMismatch `data.errors`. */
function fieldDetails(o: Record<string, unknown>): { details?: FieldError[] } {
  const data = typeof o.data === 'object' && o.data !== null ? (o.data as Record<string, unknown>) : undefined
  if (Array.isArray(data?.errors)) return schemaReportDetails(data.errors)
  const raw = Array.isArray(o.details) ? o.details : undefined
  if (!raw) return {}
  const details: FieldError[] = []
  for (const d of raw) {
    if (typeof d !== 'object' || d === null) continue
    const r = d as Record<string, unknown>
    const errors = Array.isArray(r.errors) ? r.errors.map(String) : []
    details.push({ path: typeof r.path === 'string' ? r.path : '/', errors })
  }
  return details.length > 0 ? { details } : {}
}

/**
 * Cosmos JsonSchemaMismatch `data.errors` are json-schema-validator reports
 * (`{instance: {pointer}, keyword, message, missing?}`): one detail per instance pointer; a
 * missing required property is reported at the property's own path.
 */
function schemaReportDetails(reports: unknown[]): { details?: FieldError[] } {
  const byPath = new Map<string, string[]>()
  for (const r of reports) {
    if (typeof r !== 'object' || r === null) continue
    const rep = r as { instance?: { pointer?: unknown }; message?: unknown; missing?: unknown }
    const base = typeof rep.instance?.pointer === 'string' ? rep.instance.pointer : ''
    const message = typeof rep.message === 'string' ? rep.message : 'invalid'
    const paths = Array.isArray(rep.missing) && rep.missing.length > 0 ? rep.missing.map((m) => `${base}/${String(m)}`) : [base === '' ? '/' : base]
    for (const p of paths) byPath.set(p, [...(byPath.get(p) ?? []), message])
  }
  const details = [...byPath].map(([path, errors]) => ({ path, errors }))
  return details.length > 0 ? { details } : {}
}

function displayName(name: UpstreamName): string {
  return { mesos: 'Mesos', marathon: 'Marathon', metronome: 'Metronome', cosmos: 'Cosmos', sdk: 'The service scheduler', iam: 'DC/OS IAM', dcos: 'DC/OS' }[name]
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
