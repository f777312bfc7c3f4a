import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { dashboardKeys } from './get-dashboard.ts'

/** Delta types that move a dashboard number. Task deltas are left to the 5 s poll (they are many). */
const AFFECTS_DASHBOARD = new Set<LiveDelta['type']>(['node.changed', 'node.removed', 'service.changed', 'deployment.changed', 'job.changed'])

export function dashboardNeedsRefresh(delta: LiveDelta): boolean {
  return AFFECTS_DASHBOARD.has(delta.type)
}

export function applyDashboardDelta(qc: QueryClient, delta: LiveDelta): void {
  if (dashboardNeedsRefresh(delta)) void qc.invalidateQueries({ queryKey: dashboardKeys.all, refetchType: 'active' })
}
