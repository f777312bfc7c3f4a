import type { PlanStatus } from '@meridian/api'
import type { Tone } from '#shared/ui/status-badge.tsx'

/** SDK status semantics (dcos-commons Status): COMPLETE done, ERROR needs attention, PAUSED/WAITING held. */
export const PLAN_STATUS_TONE: Record<PlanStatus, Tone> = {
  PENDING: 'neutral',
  PREPARED: 'info',
  STARTING: 'info',
  STARTED: 'info',
  IN_PROGRESS: 'info',
  COMPLETE: 'ok',
  WAITING: 'warn',
  PAUSING: 'warn',
  PAUSED: 'warn',
  DELAYED: 'warn',
  ERROR: 'danger',
}

/** Pause makes sense while work is pending or running; resume while held. */
export function isPaused(s: PlanStatus): boolean {
  return s === 'WAITING' || s === 'PAUSED' || s === 'PAUSING'
}

export function isRunning(s: PlanStatus): boolean {
  return s === 'IN_PROGRESS' || s === 'STARTING' || s === 'STARTED' || s === 'PREPARED' || s === 'PENDING'
}
