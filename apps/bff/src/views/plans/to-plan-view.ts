/** SDK plan JSON → PlanView, SDK service discovery from Marathon labels, and plan summaries. Pure. */
import { PLAN_STATUSES, type DashboardView, type PlanStatus, type PlanView } from '@meridian/api'
import type { SdkPlan } from '../../upstreams/sdk/index.ts'

const KNOWN = new Set<string>(PLAN_STATUSES)

/** A status the console knows; anything newer from the SDK reads as PENDING (not yet done). */
export function planStatus(s: string | undefined): PlanStatus {
  return s !== undefined && KNOWN.has(s) ? (s as PlanStatus) : 'PENDING'
}

/**
 * dcos-commons fills every step's message with its own toString, e.g.
 * "com.mesosphere.sdk.scheduler.plan.DeploymentStep: 'kafka-0:[broker] [<uuid>]' has status:
 * 'COMPLETE'." It repeats the name and status the console already shows, so it is dropped;
 * any other message (an error, a reason) is kept.
 */
const DEFAULT_STEP_MESSAGE = /^com\.mesosphere\.sdk\.[\w.$]+: '.*' has status: '\w+'\.?$/

/** The step message worth showing, or ''. */
export function stepMessage(message: string | undefined): string {
  return message === undefined || DEFAULT_STEP_MESSAGE.test(message) ? '' : message
}

/** `serviceId` is the scheduler's Marathon app id, `name` the plan name. */
export function toPlanView(serviceId: string, name: string, plan: SdkPlan): PlanView {
  let completeSteps = 0
  let totalSteps = 0
  const phases = (plan.phases ?? []).map((ph) => ({
    id: ph.id,
    name: ph.name,
    strategy: ph.strategy ?? 'serial',
    status: planStatus(ph.status),
    steps: (ph.steps ?? []).map((st) => {
      totalSteps++
      if (st.status === 'COMPLETE') completeSteps++
      return { id: st.id, name: st.name, status: planStatus(st.status), message: stepMessage(st.message) }
    }),
  }))
  return { service: serviceId, name, status: planStatus(plan.status), strategy: plan.strategy ?? 'serial', errors: plan.errors ?? [], phases, progress: { completeSteps, totalSteps } }
}

/** An SDK scheduler as Marathon shows it. */
export interface SdkServiceRef {
  /** Marathon app id, e.g. `/kafka` */
  serviceId: string
  /** Admin Router name: `/service/<serviceName>/v1/...` */
  serviceName: string
  /** Mesos framework name the scheduler registers with */
  frameworkName: string
}

/**
 * SDK services are Marathon apps carrying `DCOS_PACKAGE_FRAMEWORK_NAME` (set by the package
 * template, upstream-apis.md §4.7); Admin Router routes `/service/<DCOS_SERVICE_NAME>` to them.
 */
export function sdkServiceRef(app: { id: string; labels?: Record<string, string> | undefined }): SdkServiceRef | null {
  const framework = app.labels?.DCOS_PACKAGE_FRAMEWORK_NAME
  if (!framework) return null
  const name = app.labels?.DCOS_SERVICE_NAME ?? app.id.replace(/^\/+/, '')
  return { serviceId: app.id, serviceName: name, frameworkName: framework }
}

/** Dashboard plan counts: active = not COMPLETE (custom plans wait, interrupted, until started). */
export function summarizePlans(plans: PlanView[]): NonNullable<DashboardView['plans']> {
  const running = new Set<PlanStatus>(['IN_PROGRESS', 'STARTING', 'STARTED', 'PREPARED', 'PENDING', 'DELAYED'])
  const active = plans.filter((p) => p.status !== 'COMPLETE')
  return {
    total: plans.length,
    inProgress: plans.filter((p) => running.has(p.status)).length,
    waiting: plans.filter((p) => p.status === 'WAITING').length,
    errors: plans.filter((p) => p.status === 'ERROR').length,
    active: active.map((p) => ({ serviceId: p.service, plan: p.name, status: p.status, ...p.progress })),
  }
}

/** What identifies a plan's visible state (status and every step's status), to notice changes. */
export function planFingerprint(p: PlanView): string {
  return `${p.status}|${p.phases.map((ph) => `${ph.status}:${ph.steps.map((s) => s.status).join(',')}`).join(';')}|${p.errors.length}`
}
