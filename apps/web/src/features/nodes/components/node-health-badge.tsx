import type { NodeHealth } from '@meridian/api'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { NODE_HEALTH_LABEL, NODE_HEALTH_TONE } from '../model/node-health.ts'

export function NodeHealthBadge({ health }: { health: NodeHealth }) {
  return <StatusBadge tone={NODE_HEALTH_TONE[health]}>{NODE_HEALTH_LABEL[health]}</StatusBadge>
}
