/** Marathon `/v2/events` payloads (upstream-apis §2.5) → live deltas. Pure. */
import type { LiveDelta } from '@meridian/api'

interface Plan {
  id?: string
  steps?: Array<{ actions?: Array<{ app?: string; pod?: string }> }>
}

function affected(plan: Plan | undefined): string[] {
  const ids = new Set<string>()
  for (const s of plan?.steps ?? []) for (const a of s.actions ?? []) if (a.app ?? a.pod) ids.add((a.app ?? a.pod)!)
  return [...ids]
}

/** Deltas for one Marathon event (unknown types yield nothing; ordering is not guaranteed upstream). */
export function marathonDeltas(eventType: string, data: Record<string, unknown>): LiveDelta[] {
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined)
  const svc = (id: string | undefined, reason: 'definition' | 'task' | 'health' | 'removed'): LiveDelta[] => (id ? [{ type: 'service.changed', serviceId: id, reason }] : [])
  switch (eventType) {
    case 'api_post_event':
      return svc((data.appDefinition as { id?: string } | undefined)?.id, 'definition')
    case 'status_update_event':
      return svc(str('appId'), 'task')
    case 'instance_changed_event':
    case 'unknown_instance_terminated_event':
      return svc(str('runSpecId'), 'task')
    case 'health_status_changed_event':
      return svc(str('appId'), 'health')
    case 'instance_health_changed_event':
      return svc(str('runSpecId'), 'health')
    case 'app_terminated_event':
      return svc(str('appId'), 'removed')
    case 'deployment_info':
    case 'deployment_step_success':
    case 'deployment_step_failure': {
      const plan = data.plan as Plan | undefined
      if (!plan?.id) return []
      const steps = plan.steps ?? []
      const current = data.currentStep as { actions?: unknown[] } | undefined
      const idx = current ? steps.findIndex((s) => JSON.stringify(s.actions) === JSON.stringify(current.actions)) : -1
      return [{ type: 'deployment.changed', deploymentId: plan.id, status: 'running', affectedServices: affected(plan), currentStep: idx >= 0 ? idx + 1 : null, totalSteps: steps.length }]
    }
    case 'deployment_success':
    case 'deployment_failed': {
      const plan = data.plan as Plan | undefined
      const id = str('id') ?? plan?.id
      if (!id) return []
      const status = eventType === 'deployment_success' ? 'success' : 'failed'
      const services = affected(plan)
      return [{ type: 'deployment.changed', deploymentId: id, status, affectedServices: services, currentStep: null, totalSteps: plan?.steps?.length ?? null }, ...services.map((s) => ({ type: 'service.changed' as const, serviceId: s, reason: 'definition' as const }))]
    }
    default:
      return []
  }
}
