/**
 * Local IAM users of the embedded cluster. They match the BFF's demo users (admin/admin,
 * operator/operator, viewer/viewer), so a BFF in cluster mode can log the same people in
 * through `/acs/api/v1/auth/login` as a demo-mode BFF does locally.
 */
import { timingSafeEqual } from 'node:crypto'

/** One local user (DC/OS `dcos-users` provider). */
export interface IamUser {
  uid: string
  password: string
  description: string
}

/** The demo accounts. */
export const IAM_DEMO_USERS: readonly IamUser[] = [
  { uid: 'admin', password: 'admin', description: 'Demo administrator' },
  { uid: 'operator', password: 'operator', description: 'Demo operator' },
  { uid: 'viewer', password: 'viewer', description: 'Demo viewer' },
]

/** Finds a user by uid. */
export function findIamUser(uid: string): IamUser | undefined {
  return IAM_DEMO_USERS.find((u) => u.uid === uid)
}

/** True when uid exists and the password matches (constant-time compare, same work for unknown uids). */
export function passwordMatches(uid: string, password: string): boolean {
  const user = findIamUser(uid)
  const expected = Buffer.from(user?.password ?? '\u0000'.repeat(Math.max(1, password.length)))
  const given = Buffer.from(password)
  return user !== undefined && expected.length === given.length && timingSafeEqual(expected, given)
}
