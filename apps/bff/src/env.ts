/** Hono environment of the BFF: what middleware puts on the context for routes. */
import type { Session } from './auth/sessions.ts'
import type { Upstreams } from './upstreams/registry.ts'

/** `c.var.session` (set by the auth gate) and `c.var.upstreams` (adapters with the caller's token). */
export interface BffEnv {
  Variables: {
    session: Session
    upstreams: Upstreams
  }
}
