import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { planKeys } from './get-plans.ts'

export function applyPlansDelta(qc: QueryClient, delta: LiveDelta): void {
  if (delta.type === 'plan.changed') void qc.invalidateQueries({ queryKey: planKeys.all, refetchType: 'active' })
}
