/**
 * Roles of real-cluster users. DC/OS IAM stays the authority on what a token may do upstream
 * (its 403s come back as Forbidden); Meridian's role only shapes the console. Configured with
 * MERIDIAN_ROLES=`uid=role,uid=role`; unlisted users get MERIDIAN_DEFAULT_ROLE (default admin).
 */
import { ROLES, type Role } from '@meridian/api'

/** uid → role. */
export type RoleForClusterUser = (uid: string) => Role

/** Parses the env configuration. */
export function clusterRolesFromEnv(env: Record<string, string | undefined>): RoleForClusterUser {
  const isRole = (r: string | undefined): r is Role => (ROLES as readonly string[]).includes(r ?? '')
  const fallback: Role = isRole(env.MERIDIAN_DEFAULT_ROLE) ? env.MERIDIAN_DEFAULT_ROLE : 'admin'
  const map = new Map<string, Role>()
  for (const pair of (env.MERIDIAN_ROLES ?? '').split(',')) {
    const [uid, role] = pair.split('=').map((s) => s.trim())
    if (uid && isRole(role)) map.set(uid, role)
  }
  return (uid) => map.get(uid) ?? fallback
}
