/**
 * The CSRF token the BFF hands out with the session; every mutating request echoes it in
 * `x-meridian-csrf` (double-submit). Kept outside React so the fetch layer can read it.
 */
import type * as Api from '@meridian/api'

// Typed against the shared constant without a value import, which would pull zod into the shell chunk.
export const CSRF_HEADER: typeof Api.CSRF_HEADER = 'x-meridian-csrf'

let token: string | undefined

export function setCsrfToken(next: string | undefined): void {
  token = next
}

export function csrfHeaders(): Record<string, string> {
  if (token) return { [CSRF_HEADER]: token }
  // Fall back to a readable cookie of the same name if the BFF sets one.
  const m = typeof document !== 'undefined' ? /(?:^|;\s*)meridian_csrf=([^;]+)/.exec(document.cookie) : null
  return m?.[1] ? { [CSRF_HEADER]: decodeURIComponent(m[1]) } : {}
}
