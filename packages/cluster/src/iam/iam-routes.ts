/**
 * IAM login (`/acs/api/v1/auth/login`, upstream-apis.md §6.2): local users log in with
 * `{uid, password}`, service accounts with `{uid, token}` and OIDC users with `{token}`; each
 * answers `200 {"token": <DC/OS JWT>}` and sets the browser cookies DC/OS sets. The emulation is
 * its own identity provider: a presented login token must be a JWT signed by this cluster
 * (e.g. a token it issued earlier) whose `uid` names a known user. Failures use IAM's error
 * shape `{title, description, code}`.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { IamTokens } from './iam-tokens.ts'
import { findIamUser, passwordMatches } from './iam-users.ts'

const str = (v: unknown): v is string => typeof v === 'string' && v !== ''

function iamError(c: Context, status: 400 | 401, title: string, description: string, code: string) {
  return c.json({ title, description, code }, status)
}

const invalidCredentials = (c: Context) => iamError(c, 401, 'Unauthorized', 'The login credentials are invalid.', 'ERR_INVALID_CREDENTIALS')

/** Routes under `/acs/api/v1`. */
export function iamRoutes(tokens: IamTokens) {
  return new Hono()
    .post('/auth/login', async (c) => {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        body = undefined
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return iamError(c, 400, 'Bad Request', 'Request has bad Content-Type or lacks JSON data', 'ERR_INVALID_DATA')
      }
      const { uid, password, token } = body as Record<string, unknown>
      let who: string | null
      if (str(uid) && str(password)) who = passwordMatches(uid, password) ? uid : null
      else if (str(token)) {
        const claimed = await tokens.verify(token)
        // Service-account login names the uid the token must be for; OIDC login takes it from the token.
        who = claimed !== null && findIamUser(claimed) && (!str(uid) || uid === claimed) ? claimed : null
      } else {
        return iamError(c, 400, 'Bad Request', "Either 'password' or 'token' must be provided with the request", 'ERR_INVALID_DATA')
      }
      if (!who) return invalidCredentials(c)
      const issued = await tokens.issue(who)
      const secure = new URL(c.req.url).protocol === 'https:'
      setCookie(c, 'dcos-acs-auth-cookie', issued, { httpOnly: true, path: '/', secure })
      const info = { uid: who, description: findIamUser(who)?.description ?? who, is_remote: false }
      setCookie(c, 'dcos-acs-info-cookie', Buffer.from(JSON.stringify(info)).toString('base64'), { path: '/', secure })
      return c.json({ token: issued }, 200)
    })
    .post('/auth/logout', (c) => {
      deleteCookie(c, 'dcos-acs-auth-cookie', { path: '/' })
      deleteCookie(c, 'dcos-acs-info-cookie', { path: '/' })
      return c.body(null, 200)
    })
}
