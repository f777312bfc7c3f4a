/**
 * What each role may do, mirroring the BFF's checks (packages/api session.ts): admin does
 * everything; operator deploys, scales, installs and runs jobs but does no node maintenance;
 * viewer is read-only. The UI hides or disables controls with this; the BFF still enforces.
 */
import type { Role } from '@meridian/api'

export type Permission =
  | 'nodes:maintain'
  | 'services:write'
  | 'services:destroy'
  | 'jobs:write'
  | 'catalog:install'
  | 'catalog:repositories'
  | 'plans:control'

const OPERATOR: readonly Permission[] = ['services:write', 'services:destroy', 'jobs:write', 'catalog:install', 'plans:control']

export function can(role: Role | undefined, permission: Permission): boolean {
  if (role === 'admin') return true
  if (role === 'operator') return OPERATOR.includes(permission)
  return false
}
