/**
 * Admin Router's authentication check (upstream-apis.md §0, §6.2) for the embedded cluster's
 * protected paths: `Authorization: token=<jwt>` (canonical), `Authorization: Bearer <jwt>`, or,
 * with no Authorization header, the `dcos-acs-auth-cookie` cookie. A missing or invalid token
 * is a 401 with an HTML body and `WWW-Authenticate: acsjwt` (which is how the DC/OS CLI detects
 * the uid/password login provider). The login path itself stays open.
 *
 * In-process calls (`app.request` without a Node socket, as the embedded Cosmos and SDK
 * schedulers make to Marathon) are the cluster's components talking to each other inside the
 * cluster, which in DC/OS does not pass Admin Router either, so they are not checked.
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { IamTokens } from './iam-tokens.ts'

/** Path prefixes Admin Router guards in the embedded cluster. */
export const PROTECTED_PREFIXES = ['/mesos', '/agent', '/slave', '/service', '/marathon', '/package', '/cosmos', '/capabilities', '/system', '/metadata'] as const

const UNAUTHORIZED_HTML = '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n'

/** The token a request presents, or undefined. */
export function presentedToken(authorization: string | undefined, cookie: string | undefined): string | undefined {
  if (authorization !== undefined) {
    const m = /^(?:token=|Bearer\s+)(\S+)$/i.exec(authorization.trim())
    return m?.[1]
  }
  return cookie && cookie !== '' ? cookie : undefined
}

/** Middleware for one protected prefix. */
export function requireDcosToken(tokens: IamTokens): MiddlewareHandler {
  return async (c, next) => {
    const fromSocket = typeof c.env === 'object' && c.env !== null && 'incoming' in c.env
    if (!fromSocket) return next()
    const token = presentedToken(c.req.header('authorization'), getCookie(c, 'dcos-acs-auth-cookie'))
    if (token && (await tokens.verify(token))) return next()
    c.header('WWW-Authenticate', 'acsjwt')
    return c.html(UNAUTHORIZED_HTML, 401)
  }
}
