/** DC/OS IAM login (`POST /acs/api/v1/auth/login`, upstream-apis.md §6.2). */
import { sendJson, type UpstreamClientOptions } from '../http.ts'

/** The IAM adapter. */
export type IamClient = ReturnType<typeof createIamClient>

/** Creates the IAM adapter; `baseUrl` is the cluster origin. */
export function createIamClient(opts: UpstreamClientOptions) {
  const iam = { ...opts, baseUrl: `${opts.baseUrl}/acs/api/v1` }
  return {
    /** Exchanges uid/password for a DC/OS token; 401 → Unauthenticated with IAM's description. */
    async login(uid: string, password: string): Promise<string> {
      const res = await sendJson<{ token?: string }>('iam', { ...iam, token: '' }, { method: 'POST', path: '/auth/login', body: { uid, password }, idempotent: false })
      if (!res.body?.token) throw new Error('IAM login answered without a token')
      return res.body.token
    },
  }
}
