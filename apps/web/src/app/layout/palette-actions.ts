/**
 * Commands the palette runs (not only navigation). An action with a `target` first asks which
 * service, job, node or package; mutating ones need the role's permission, so a viewer sees only
 * the theme toggle and log out. Destructive ones are confirmed by the dialog that runs them.
 */
import type { Role } from '@meridian/api'
import { can, type Permission } from '#shared/session/permissions.ts'

export type PaletteActionId = 'scale-service' | 'restart-service' | 'run-job' | 'drain-node' | 'install-package' | 'toggle-theme' | 'log-out'
export type PaletteTargetKind = 'service' | 'job' | 'node' | 'package'

export interface PaletteAction {
  id: PaletteActionId
  label: string
  /** what the second step picks, or null to run at once */
  target: PaletteTargetKind | null
  /** the question the second step asks */
  prompt?: string
  permission?: Permission
}

export const PALETTE_ACTIONS: readonly PaletteAction[] = [
  { id: 'scale-service', label: 'Scale service…', target: 'service', prompt: 'Scale which service?', permission: 'services:write' },
  { id: 'restart-service', label: 'Restart service…', target: 'service', prompt: 'Restart which service?', permission: 'services:write' },
  { id: 'run-job', label: 'Run job now…', target: 'job', prompt: 'Run which job?', permission: 'jobs:write' },
  { id: 'drain-node', label: 'Drain node…', target: 'node', prompt: 'Drain which node?', permission: 'nodes:maintain' },
  { id: 'install-package', label: 'Install package…', target: 'package', prompt: 'Install which package?', permission: 'catalog:install' },
  { id: 'toggle-theme', label: 'Toggle theme', target: null },
  { id: 'log-out', label: 'Log out', target: null },
]

/** The actions this role may run. */
export function paletteActionsFor(role: Role | undefined): PaletteAction[] {
  return PALETTE_ACTIONS.filter((a) => !a.permission || can(role, a.permission))
}
