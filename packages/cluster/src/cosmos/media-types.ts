/**
 * Cosmos's versioned media types: `application/vnd.dcos.<ns>.<kind>+json;charset=utf-8;version=vN`.
 * Requests must carry the exact request type in Content-Type; Accept chooses among the response
 * versions an endpoint produces (q-values honoured, versions compared exactly).
 */
export function packageType(kind: string, version: string): string {
  return `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${version}`
}

export function serviceType(kind: string, version: string): string {
  return `application/vnd.dcos.service.${kind}+json;charset=utf-8;version=${version}`
}

export const ERROR_TYPE = packageType('error', 'v1')
export const CAPABILITIES_TYPE = 'application/vnd.dcos.capabilities+json;charset=utf-8;version=v1'

export interface MediaType {
  type: string
  subtype: string
  params: Record<string, string>
  q: number
}

/** Parses one media range, lower-casing names and dropping spaces around parameters. */
export function parseMediaType(text: string): MediaType | undefined {
  const [main, ...rest] = text.split(';').map((s) => s.trim())
  if (!main) return undefined
  const [type, subtype] = main.toLowerCase().split('/')
  if (!type || !subtype) return undefined
  const params: Record<string, string> = {}
  let q = 1
  for (const p of rest) {
    const eq = p.indexOf('=')
    if (eq < 0) continue
    const k = p.slice(0, eq).trim().toLowerCase()
    const v = p.slice(eq + 1).trim().replace(/^"|"$/g, '')
    if (k === 'q') q = Number.isFinite(Number(v)) ? Number(v) : 0
    else params[k] = k === 'charset' ? v.toLowerCase() : v
  }
  return { type, subtype, params, q }
}

/** Whether `candidate` (a full media type we produce or accept) satisfies the `range`. */
export function mediaTypeMatches(range: MediaType, candidate: MediaType): boolean {
  if (range.type !== '*' && range.type !== candidate.type) return false
  if (range.subtype !== '*' && range.subtype !== candidate.subtype) return false
  // Cosmos compares the version parameter exactly; other params must agree when given.
  for (const [k, v] of Object.entries(range.params)) if (candidate.params[k] !== v) return false
  return true
}

/** Picks the first produced type the Accept header allows, honouring q order. */
export function negotiate(accept: string | undefined, produced: readonly string[]): string | undefined {
  if (!accept || accept.trim() === '') return produced[0]
  const ranges = accept
    .split(',')
    .map((r) => parseMediaType(r))
    .filter((r): r is MediaType => r !== undefined && r.q > 0)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.q - a.r.q || a.i - b.i)
  for (const { r } of ranges) {
    for (const p of produced) {
      const pm = parseMediaType(p)
      if (pm && mediaTypeMatches(r, pm)) return p
    }
  }
  return undefined
}

/** Exact comparison of a request Content-Type with the expected request type. */
export function sameMediaType(actual: string | undefined, expected: string): boolean {
  if (!actual) return false
  const a = parseMediaType(actual)
  const e = parseMediaType(expected)
  if (!a || !e) return false
  if (a.type !== e.type || a.subtype !== e.subtype) return false
  return a.params.version === e.params.version && (a.params.charset ?? 'utf-8') === (e.params.charset ?? 'utf-8')
}
