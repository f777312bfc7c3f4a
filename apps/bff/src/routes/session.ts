/** Login, current session, logout. */
import { LoginSchema, type SessionView } from '@meridian/api'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { checkDemoCredentials } from '../auth/demo-users.ts'
import { SESSION_COOKIE, type Session, type SessionStore } from '../auth/sessions.ts'
import type { BffEnv } from '../env.ts'
import { errorEnvelope } from '../errors.ts'
import type { RoleForClusterUser } from '../auth/cluster-roles.ts'
import type { IamClient } from '../upstreams/iam/index.ts'
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
  return new Hono<BffEnv>()
    .post('/login', validate('json', LoginSchema), async (c) => {
      const { uid, password } = c.req.valid('json')
      let session: Session
      if (deps.mode === 'demo') {
        const role = checkDemoCredentials(uid, password)
        if (!role) return c.json(errorEnvelope('Unauthenticated', 'Invalid username or password'), 401)
        session = deps.sessions.create(uid, role)
      } else {
        // Real cluster: IAM checks the credentials; the token stays server-side.
        const token = await deps.iam.login(uid, password)
        session = deps.sessions.create(uid, deps.roleFor(uid), token)
      }
      const old = getCookie(c, SESSION_COOKIE)
      if (old) deps.sessions.delete(old)
      setCookie(c, SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
      })
      return c.json(view(session, deps.mode), 200)
    })
    .get('/', (c) => c.json(view(c.var.session, deps.mode), 200))
    .post('/logout', (c) => {
      deps.sessions.delete(c.var.session.id)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.json({ ok: true as const }, 200)
    })
}
