/**
 * DC/OS authentication tokens: JWTs with a `uid` claim and an `exp` (default lifetime 5 days),
 * HS256-signed as in open-source DC/OS (dcos-oauth), with a secret made per cluster instance so
 * a token of one cluster is worthless at another. Signing and verification use `hono/jwt`.
 */
import { randomBytes } from 'node:crypto'
import { sign, verify } from 'hono/jwt'

/** DC/OS default token lifetime (upstream-apis.md §6.2). */
export const TOKEN_LIFETIME_SECONDS = 5 * 24 * 3600

/** Issues and checks this cluster's tokens. Times are wall-clock (Admin Router checks `exp` against real time). */
export class IamTokens {
  private readonly secret: string

  constructor(
    secret: string = randomBytes(32).toString('base64url'),
    private readonly nowMs: () => number = Date.now,
  ) {
    this.secret = secret
  }

  /** A signed token for `uid`. */
  issue(uid: string, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): Promise<string> {
    return sign({ uid, exp: Math.floor(this.nowMs() / 1000) + lifetimeSeconds }, this.secret, 'HS256')
  }

  /**
   * The token's uid when the signature holds, `exp` (if present) is in the future and a string
   * `uid` claim exists (what Admin Router requires); otherwise null.
   */
  async verify(token: string): Promise<string | null> {
    try {
      const payload = await verify(token, this.secret, 'HS256')
      if (typeof payload.exp === 'number' && payload.exp * 1000 <= this.nowMs()) return null
      return typeof payload.uid === 'string' && payload.uid !== '' ? payload.uid : null
    } catch {
      return null
    }
  }
}
