/**
 * DC/OS IAM login (`POST /acs/api/v1/auth/login`, upstream-apis.md §6.2): local users send
 * `{uid, password}`, OIDC users `{token}`, service accounts `{uid, token}`; IAM answers
 * `{token}`. A 401 (`{title, description, code}`) becomes Unauthenticated with IAM's text. The
 * IAM cookies of the response are never passed on: the token stays in the BFF.
 */
import { AppError } from '../../errors.ts'
import { sendJson, type UpstreamClientOptions } from '../http.ts'

/** The IAM adapter. */
export type IamClient = ReturnType<typeof createIamClient>

/** What a login presents. */
export type IamCredentials = { uid: string; password: string } | { token: string; uid?: string }

/**
 * The `uid` claim of a DC/OS token IAM just issued (read, not verified: it came from the
 * configured IAM over the BFF's own connection, and Admin Router verifies it on every use).
 */
export function tokenUid(token: string): string | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { uid?: unknown }
    return typeof claims.uid === 'string' && claims.uid !== '' ? claims.uid : null
  } catch {
    return null
  }
}

/** Creates the IAM adapter; `baseUrl` is the cluster origin. */
export function createIamClient(opts: UpstreamClientOptions) {
  const iam = { ...opts, baseUrl: `${opts.baseUrl}/acs/api/v1`, token: '' }
  return {
    /** Exchanges credentials for a DC/OS token; 401 → Unauthenticated with IAM's description. */
    async login(credentials: IamCredentials): Promise<{ token: string; uid: string }> {
      const res = await sendJson<{ token?: string }>('iam', iam, { method: 'POST', path: '/auth/login', body: credentials, idempotent: false })
      const token = res.body?.token
      if (!token) throw new AppError('UpstreamUnavailable', 'DC/OS IAM answered without a token', { upstream: { name: 'iam', status: res.status } })
      const uid = tokenUid(token) ?? ('uid' in credentials ? credentials.uid : undefined)
      if (!uid) throw new AppError('UpstreamUnavailable', 'DC/OS IAM issued a token without a uid', { upstream: { name: 'iam', status: res.status } })
      return { token, uid }
    },
  }
}
