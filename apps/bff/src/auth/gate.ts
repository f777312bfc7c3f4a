/**
 * The auth gate for `/api/*`: public paths pass, everything else needs a session (401), and
 * state-changing methods need the session's CSRF token in `x-meridian-csrf` (403).
 * `requirePermission` is the per-route role check (403).
 */
import { CSRF_HEADER } from '@meridian/api'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { errorEnvelope } from '../errors.ts'
import type { BffEnv } from '../env.ts'
import { can, type Permission } from './roles.ts'
import { SESSION_COOKIE, csrfMatches, type SessionStore } from './sessions.ts'

const PUBLIC_PATHS = new Set(['/api/health', '/api/session/login', '/api/session/login-token'])
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Resolves the session; 401 without one, 403 on a missing/wrong CSRF token. */
export function authGate(sessions: SessionStore) {
  return createMiddleware<BffEnv>(async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path)) return next()
    const session = sessions.get(getCookie(c, SESSION_COOKIE))
    if (!session) return c.json(errorEnvelope('Unauthenticated', 'Log in to continue'), 401)
    if (!SAFE_METHODS.has(c.req.method) && !csrfMatches(session, c.req.header(CSRF_HEADER))) {
      return c.json(errorEnvelope('Forbidden', `Missing or invalid ${CSRF_HEADER} header`), 403)
    }
    c.set('session', session)
    return next()
  })
}

/** 403 unless the session's role holds `permission`. */
export function requirePermission(permission: Permission) {
  return createMiddleware<BffEnv>(async (c, next) => {
    const session = c.var.session
    if (!can(session.role, permission)) {
      return c.json(errorEnvelope('Forbidden', `Role ${session.role} may not ${describe(permission)}`), 403)
    }
    return next()
  })
}

function describe(p: Permission): string {
  return { maintenance: 'change node maintenance', workload: 'change services, jobs or packages', repositories: 'change package repositories', read: 'read' }[p]
}
