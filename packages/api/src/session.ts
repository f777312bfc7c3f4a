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

/** Header carrying the CSRF token (double-submit, tied to the session). */
export const CSRF_HEADER = 'x-meridian-csrf'
