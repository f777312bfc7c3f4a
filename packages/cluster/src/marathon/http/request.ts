/**
 * Request helpers shared by the Marathon routes: JSON bodies with Jackson-style parse
 * errors (400), boolean query flags, and the DeploymentResult response with its
 * `Marathon-Deployment-Id` header.
 */
import type { Context } from 'hono'
import { MarathonError } from '../model/errors.ts'
import type { Deployment } from '../scheduler/deployments.ts'

export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text()
  // An empty body is Jackson's MismatchedInputException (a JsonMappingException), which
  // MarathonExceptionMapper answers with 400 "Please specify data in JSON format".
  if (text.trim() === '') throw new MarathonError(400, { message: 'Please specify data in JSON format', details: 'No content to map due to end-of-input' })
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    // V8 names the offending character either by position or (Node ≥ 20) as the token itself.
    const msg = String(err)
    const pos = /position (\d+)/.exec(msg)
    const token = /Unexpected token '?(.)'?/.exec(msg)
    const ch = pos ? text[Number(pos[1])] : token ? token[1] : undefined
    // MarathonExceptionMapper (1.4+): JsonParseException → 400 {"message": "Invalid JSON",
    // "details": <Jackson's getOriginalMessage as a plain string>}.
    const details =
      ch === undefined
        ? 'Unexpected end-of-input: expected close marker for OBJECT'
        : `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)})): expected a valid value (number, String, array, object, 'true', 'false' or 'null')`
    throw new MarathonError(400, { message: 'Invalid JSON', details })
  }
}

/** Marathon's boolean query params: absent → default; `true`/`false` (case-insensitive). */
export function flag(c: Context, name: string, dflt = false): boolean {
  const v = c.req.query(name)
  if (v === undefined) return dflt
  if (v === '') return true
  return v.toLowerCase() === 'true'
}

export function deploymentResult(c: Context, d: Deployment, status: 200 | 201 = 200): Response {
  c.header('Marathon-Deployment-Id', d.id)
  return c.json({ version: d.version, deploymentId: d.id }, status)
}

/** `k`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`; comma outside parens = AND. */
export function labelSelector(selector: string): (labels: Record<string, string>) => boolean {
  const terms: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of selector) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      terms.push(cur)
      cur = ''
    } else cur += ch
  }
  terms.push(cur)
  const tests = terms.map((raw) => {
    const t = raw.trim()
    let m = /^(.+?)\s*(==|!=)\s*(.*)$/.exec(t)
    if (m) {
      const [, k, op, v] = m as unknown as [string, string, string, string]
      return (l: Record<string, string>) => (op === '==' ? l[k.trim()] === v.trim() : l[k.trim()] !== v.trim())
    }
    m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(t)
    if (m) {
      const [, k, op, vs] = m as unknown as [string, string, string, string]
      const set = new Set(vs.split(',').map((s) => s.trim()))
      return (l: Record<string, string>) => (op === 'in' ? l[k] !== undefined && set.has(l[k]) : l[k] === undefined || !set.has(l[k]))
    }
    return (l: Record<string, string>) => l[t] !== undefined
  })
  return (labels) => tests.every((f) => f(labels))
}
