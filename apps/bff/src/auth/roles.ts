/**
 * What each role may do. viewer: read-only; operator: deploy, scale, install, run jobs, drive
 * plans (no node maintenance); admin: everything.
 */
import type { Role } from '@meridian/api'

/**
 * read: any GET; workload: services/jobs/catalog/plans changes; maintenance: node
 * drain/deactivate/reactivate; repositories: add/remove package repositories (what packages
 * anyone can install, so admin only).
 */
export type Permission = 'read' | 'workload' | 'maintenance' | 'repositories'

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(['read']),
  operator: new Set(['read', 'workload']),
  admin: new Set(['read', 'workload', 'maintenance', 'repositories']),
}

/** True when `role` holds `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission)
}
