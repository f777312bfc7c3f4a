/**
 * Login, current session, logout. In demo mode the built-in users log in locally; in cluster
 * mode the user's DC/OS credentials (or a DC/OS login token) are exchanged at the cluster's IAM
 * and the resulting token is kept in the server-side session only: responses carry the
 * session view and an opaque HttpOnly cookie, never the token.
 */
import { LoginSchema, TokenLoginSchema, type SessionView } from '@meridian/api'
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { checkDemoCredentials } from '../auth/demo-users.ts'
import { SESSION_COOKIE, type Session, type SessionStore } from '../auth/sessions.ts'
import type { BffEnv } from '../env.ts'
import { AppError, errorEnvelope } from '../errors.ts'
import type { RoleForClusterUser } from '../auth/cluster-roles.ts'
import type { IamClient, IamCredentials } from '../upstreams/iam/index.ts'
import { validate } from './validate.ts'

/** What the session routes need. */
export interface SessionRoutesDeps {
  sessions: SessionStore
  mode: 'demo' | 'cluster'
  iam: IamClient
  roleFor: RoleForClusterUser
}

function view(s: Session, mode: SessionView['mode']): SessionView {
  return { user: { uid: s.uid, role: s.role }, csrfToken: s.csrfToken, mode }
}

/** `/api/session` routes. */
export function sessionRoutes(deps: SessionRoutesDeps) {
  /** Replaces any previous session of this browser and sets the cookie. */
  const start = (c: Context<BffEnv>, session: Session) => {
    const old = getCookie(c, SESSION_COOKIE)
    if (old) deps.sessions.delete(old)
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:' })
    return c.json(view(session, deps.mode), 200)
  }

  /** IAM exchange; IAM's 401 becomes a plain "invalid credentials" 401 (IAM's own text kept under `upstream`). */
  const exchange = async (c: Context<BffEnv>, credentials: IamCredentials, failure: string) => {
    try {
      const { token, uid } = await deps.iam.login(credentials)
      return start(c, deps.sessions.create(uid, deps.roleFor(uid), token))
    } catch (err) {
      if (err instanceof AppError && (err.kind === 'Unauthenticated' || err.kind === 'Forbidden')) {
        return c.json(errorEnvelope('Unauthenticated', failure, undefined, err.upstream), 401)
      }
      throw err
    }
  }

  return new Hono<BffEnv>()
    .post('/login', validate('json', LoginSchema), async (c) => {
      const { uid, password } = c.req.valid('json')
      if (deps.mode === 'cluster') return exchange(c, { uid, password }, 'Invalid username or password')
      const role = checkDemoCredentials(uid, password)
      if (!role) return c.json(errorEnvelope('Unauthenticated', 'Invalid username or password'), 401)
      return start(c, deps.sessions.create(uid, role))
    })
    .post('/login-token', validate('json', TokenLoginSchema), async (c) => {
      if (deps.mode !== 'cluster') {
        return c.json(errorEnvelope('ValidationFailed', 'Token login needs a DC/OS cluster; the demo cluster uses its built-in users'), 400)
      }
      const { token, uid } = c.req.valid('json')
      return exchange(c, { token, ...(uid !== undefined ? { uid } : {}) }, 'The DC/OS cluster did not accept this token')
    })
    .get('/', (c) => c.json(view(c.var.session, deps.mode), 200))
    .post('/logout', (c) => {
      // Forgets the session and with it the cluster token (nothing else holds it).
      deps.sessions.delete(c.var.session.id)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.json({ ok: true as const }, 200)
    })
}
