/**
 * Server-side sessions. The browser only holds an opaque id in an HttpOnly, SameSite=Strict
 * cookie; a real cluster's DC/OS token never leaves the BFF. Each session has its own CSRF
 * token (double-submit in the `x-meridian-csrf` header).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from '@meridian/api'

/** A logged-in user. */
export interface Session {
  id: string
  uid: string
  role: Role
  csrfToken: string
  /** DC/OS token from `/acs/api/v1/auth/login` (cluster mode) */
  clusterToken?: string
  expiresAt: number
}

/** Cookie that carries the session id. */
export const SESSION_COOKIE = 'meridian_session'

/** Options of the store. */
export interface SessionStoreOptions {
  /** idle expiry (ms, default 8 h) */
  ttlMs?: number
  /** how often expired sessions are dropped (ms, default 10 min; 0 = only on create) */
  sweepEveryMs?: number
  now?: () => number
}

/** In-memory session store with idle expiry. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  private readonly ttlMs: number
  private readonly now: () => number
  private readonly sweeper: ReturnType<typeof setInterval> | undefined

  constructor(opts: SessionStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 8 * 3600_000
    this.now = opts.now ?? Date.now
    // Expired sessions are also dropped on a timer: a BFF that sees no new logins for a long
    // time must not keep every abandoned session (and its cluster token) in memory. Unref'd, so
    // the timer never keeps a process (or a test run) alive.
    const every = opts.sweepEveryMs ?? 10 * 60_000
    this.sweeper = every > 0 ? setInterval(() => this.sweep(), every) : undefined
    this.sweeper?.unref?.()
  }

  /** Number of sessions held (expired ones included until the next sweep). */
  get size(): number {
    return this.sessions.size
  }

  /** Stops the sweep timer (shutdown). */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper)
  }

  /** Starts a session. */
  create(uid: string, role: Role, clusterToken?: string): Session {
    this.sweep()
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      uid,
      role,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: this.now() + this.ttlMs,
      ...(clusterToken ? { clusterToken } : {}),
    }
    this.sessions.set(session.id, session)
    return session
  }

  /** The live session for an id (and slides its expiry), or undefined. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined
    const s = this.sessions.get(id)
    if (!s) return undefined
    if (s.expiresAt <= this.now()) {
      this.sessions.delete(id)
      return undefined
    }
    s.expiresAt = this.now() + this.ttlMs
    return s
  }

  /**
   * A cluster token for the BFF's shared upstream streams (Mesos SUBSCRIBE, Marathon events)
   * when no DCOS_ACS_TOKEN is configured: the most recently active live session's. Null when
   * nobody with a cluster token is logged in.
   */
  sharedClusterToken(): string | null {
    this.sweep()
    let best: Session | undefined
    for (const s of this.sessions.values()) if (s.clusterToken && (!best || s.expiresAt > best.expiresAt)) best = s
    return best?.clusterToken ?? null
  }

  /** Ends a session. */
  delete(id: string): void {
    this.sessions.delete(id)
  }

  private sweep(): void {
    const now = this.now()
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id)
  }
}

/** Constant-time CSRF check. */
export function csrfMatches(session: Session, header: string | undefined): boolean {
  if (!header) return false
  const a = Buffer.from(session.csrfToken)
  const b = Buffer.from(header)
  return a.length === b.length && timingSafeEqual(a, b)
}
