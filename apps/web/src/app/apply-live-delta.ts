/**
 * Composition of the features' pure live-delta handlers. shared/live knows no feature; app/
 * wires each delta type to the caches that show it.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { applyNodesDelta } from '#features/nodes/api/apply-nodes-delta.ts'
import { applyServicesDelta } from '#features/services/api/apply-services-delta.ts'
import { applyJobsDelta } from '#features/jobs/api/apply-jobs-delta.ts'
import { applyPlansDelta } from '#features/plans/api/apply-plans-delta.ts'
import { applyDashboardDelta } from '#features/dashboard/api/apply-dashboard-delta.ts'
import { applyTasksDelta } from '#features/tasks/api/apply-tasks-delta.ts'

export function applyLiveDelta(qc: QueryClient, delta: LiveDelta): void {
  applyNodesDelta(qc, delta)
  applyServicesDelta(qc, delta)
  applyJobsDelta(qc, delta)
  applyPlansDelta(qc, delta)
  applyDashboardDelta(qc, delta)
  applyTasksDelta(qc, delta)
}
