/**
 * Mounts IAM at `/acs/api/v1` and, with `requireAuth`, Admin Router's token check on every
 * protected path (register before the other upstreams so it runs first).
 */
import type { Hono } from 'hono'
import { PROTECTED_PREFIXES, requireDcosToken } from './admin-router-auth.ts'
import { IamTokens } from './iam-tokens.ts'
import { iamRoutes } from './iam-routes.ts'

/** What `mountIam` takes. */
export interface IamOptions {
  /** Admin Router paths answer 401 without a valid token (MERIDIAN_DEMO_REQUIRE_AUTH=1). */
  requireAuth?: boolean
  tokens?: IamTokens
}

/** Mounts the routes (and the check); returns the token issuer (tests mint tokens with it). */
export function mountIam(app: Hono, opts: IamOptions = {}): IamTokens {
  const tokens = opts.tokens ?? new IamTokens()
  if (opts.requireAuth) {
    const check = requireDcosToken(tokens)
    // `/mesos/*` also matches the bare `/mesos` in Hono.
    for (const prefix of PROTECTED_PREFIXES) app.use(`${prefix}/*`, check)
  }
  app.route('/acs/api/v1', iamRoutes(tokens))
  return tokens
}
