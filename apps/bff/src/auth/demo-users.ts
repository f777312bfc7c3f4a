/**
 * Built-in users of demo mode (documented in the README): admin/admin, operator/operator,
 * viewer/viewer. Only used when the BFF serves its own embedded cluster.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Role } from '@meridian/api'

interface DemoUser {
  uid: string
  password: string
  role: Role
}

/** The demo accounts. */
export const DEMO_USERS: readonly DemoUser[] = [
  { uid: 'admin', password: 'admin', role: 'admin' },
  { uid: 'operator', password: 'operator', role: 'operator' },
  { uid: 'viewer', password: 'viewer', role: 'viewer' },
]

/** The user's role when uid and password match, else null (constant-time password compare). */
export function checkDemoCredentials(uid: string, password: string): Role | null {
  const user = DEMO_USERS.find((u) => u.uid === uid)
  const expected = Buffer.from(user?.password ?? 'x'.repeat(password.length || 1))
  const given = Buffer.from(password)
  const same = expected.length === given.length && timingSafeEqual(expected, given)
  return user && same ? user.role : null
}
