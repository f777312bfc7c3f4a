import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { dashboardKeys } from './get-dashboard.ts'

/**
 * The BFF coalesces every change that moves a dashboard number into one `dashboard.changed`
 * per burst (live/dashboard-feed.ts), so the dashboard refetches once per burst, not per event.
 */
export function dashboardNeedsRefresh(delta: LiveDelta): boolean {
  return delta.type === 'dashboard.changed'
}

export function applyDashboardDelta(qc: QueryClient, delta: LiveDelta): void {
  if (dashboardNeedsRefresh(delta)) void qc.invalidateQueries({ queryKey: dashboardKeys.all, refetchType: 'active' })
}
