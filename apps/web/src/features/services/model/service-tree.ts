import type { ServiceGroupView, ServiceHealth, ServiceStatus, ServiceView } from '@meridian/api'
import type { Tone } from '#shared/ui/status-badge.tsx'

/** Every service in the tree, depth first. */
export function flattenServices(root: ServiceGroupView): ServiceView[] {
  const out: ServiceView[] = []
  const walk = (g: ServiceGroupView) => {
    out.push(...g.services)
    g.groups.forEach(walk)
  }
  walk(root)
  return out
}

export interface ServiceFilters {
  q: string
  status: ServiceStatus | ''
  health: ServiceHealth | ''
}

/**
 * Prunes the tree to matching services; groups with no match disappear. With no filter set the
 * tree itself comes back (not a copy), so a live patch of one row keeps every other group's
 * identity and the list re-renders only what changed.
 */
export function filterTree(g: ServiceGroupView, f: ServiceFilters): ServiceGroupView | null {
  const q = f.q.trim().toLowerCase()
  if (!q && !f.status && !f.health) return g
  const services = g.services.filter(
    (s) => (!q || s.id.toLowerCase().includes(q)) && (!f.status || s.status === f.status) && (!f.health || s.health === f.health),
  )
  const groups = g.groups.map((c) => filterTree(c, f)).filter((c): c is ServiceGroupView => c !== null)
  if (services.length === 0 && groups.length === 0 && g.id !== '/') return null
  return { ...g, services, groups }
}

export const STATUS_TONE: Record<ServiceStatus, Tone> = {
  Running: 'ok',
  Deploying: 'info',
  Recovering: 'warn',
  Delayed: 'warn',
  'Waiting for resources': 'warn',
  Suspended: 'neutral',
  Stopped: 'neutral',
}

export const HEALTH_TONE: Record<ServiceHealth, Tone> = { Healthy: 'ok', Unhealthy: 'danger', Unknown: 'neutral' }
