/**
 * Marathon path ids: absolute, slash-separated, normalised from relative input (`..` and `.`
 * navigate). Segments are lowercase letters, digits, `-` and `.`, not starting or ending with
 * `-` (Marathon's PathId validation).
 */
const SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9\-.]*[a-z0-9])|\.|\.\.)$/

/** Resolves `id` against `base` (both may be relative) into a canonical absolute id. */
export function normalizePathId(id: string, base = '/'): string {
  const parts = id.startsWith('/') ? [] : base.split('/').filter((s) => s !== '')
  for (const seg of id.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join('/')}`
}

/** The segments that break Marathon's id rules (empty when the id is valid). */
export function invalidSegments(id: string): string[] {
  return id.split('/').filter((s) => s !== '' && !SEGMENT.test(s))
}

export function parentOf(id: string): string {
  const i = id.lastIndexOf('/')
  return i <= 0 ? '/' : id.slice(0, i)
}

/** All ancestor group ids of an app or group id, root first (excluding the id itself). */
export function ancestorsOf(id: string): string[] {
  const out: string[] = ['/']
  const parts = id.split('/').filter((s) => s !== '')
  for (let i = 1; i < parts.length; i++) out.push(`/${parts.slice(0, i).join('/')}`)
  return id === '/' ? [] : out
}

export function isUnder(id: string, group: string): boolean {
  return group === '/' ? id !== '/' : id.startsWith(`${group}/`)
}

/** Marathon's "safe path" used in instance and task ids: `/prod/web` → `prod_web`. */
export function safePath(id: string): string {
  return id.replace(/^\//, '').replaceAll('/', '_')
}

/** Mesos task name Marathon uses (PathId.toHostname): `/prod/web` → `web.prod`. */
export function hostnameOf(id: string): string {
  return id.split('/').filter((s) => s !== '').reverse().join('.')
}
