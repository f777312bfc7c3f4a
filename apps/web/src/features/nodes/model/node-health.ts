import type { MaintenanceState, NodeHealth } from '@meridian/api'
import type { Tone } from '#shared/ui/status-badge.tsx'

export const NODE_HEALTH_TONE: Record<NodeHealth, Tone> = {
  active: 'ok',
  deactivated: 'neutral',
  draining: 'warn',
  unreachable: 'danger',
  gone: 'danger',
}

export const NODE_HEALTH_LABEL: Record<NodeHealth, string> = {
  active: 'Healthy',
  deactivated: 'Deactivated',
  draining: 'Draining',
  unreachable: 'Unreachable',
  gone: 'Gone',
}

export const MAINTENANCE_LABEL: Record<MaintenanceState, string> = {
  none: 'None',
  scheduled: 'Scheduled',
  draining: 'Draining',
  drained: 'Drained',
  down: 'Down',
}
