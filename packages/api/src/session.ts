/** Login session and roles. */
import { z } from 'zod'

/** admin: everything; operator: deploy, scale, install, run jobs (no node maintenance); viewer: read-only. */
export const ROLES = ['admin', 'operator', 'viewer'] as const
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number]

/** GET /api/session and POST /api/session/login response. */
export interface SessionView {
  user: { uid: string; role: Role }
  /** send back as `x-meridian-csrf` on every state-changing request */
  csrfToken: string
  mode: 'demo' | 'cluster'
}

/** POST /api/session/login body. */
export const LoginSchema = z.object({ uid: z.string().min(1).max(100), password: z.string().min(1).max(1000) })
/** POST /api/session/login body. */
export type LoginInput = z.infer<typeof LoginSchema>

/**
 * POST /api/session/login-token body: a DC/OS login token (an OIDC id token, or a service
 * account's login JWT together with its `uid`), exchanged at the cluster's IAM. Cluster mode only.
 */
export const TokenLoginSchema = z.object({ token: z.string().min(1).max(16_384), uid: z.string().min(1).max(100).optional() })
/** POST /api/session/login-token body. */
export type TokenLoginInput = z.infer<typeof TokenLoginSchema>

/** Header carrying the CSRF token (double-submit, tied to the session). */
export const CSRF_HEADER = 'x-meridian-csrf'
