import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { applyDashboardDelta, dashboardNeedsRefresh } from './apply-dashboard-delta.ts'
import { dashboardKeys } from './get-dashboard.ts'

describe('applyDashboardDelta', () => {
  it('refetches on the coalesced dashboard hint only, not on every node or service event', () => {
    expect(dashboardNeedsRefresh({ type: 'dashboard.changed', reasons: ['services'] })).toBe(true)
    expect(dashboardNeedsRefresh({ type: 'node.removed', nodeId: 'a-S1' })).toBe(false)
  })

  it('marks the cached dashboard stale on the hint', () => {
    const qc = new QueryClient()
    qc.setQueryData(dashboardKeys.all, { stale: false })
    applyDashboardDelta(qc, { type: 'node.removed', nodeId: 'a-S1' })
    expect(qc.getQueryState(dashboardKeys.all)?.isInvalidated).toBe(false)
    applyDashboardDelta(qc, { type: 'dashboard.changed', reasons: ['nodes'] })
    expect(qc.getQueryState(dashboardKeys.all)?.isInvalidated).toBe(true)
  })
})
