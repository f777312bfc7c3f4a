/**
 * Plans, phases and steps as dcos-commons models them, with its status aggregation
 * (PlanUtils/Element status rules, upstream-apis.md §5.3) and the JSON the plans API renders.
 */
export type Status = 'PENDING' | 'PREPARED' | 'STARTING' | 'STARTED' | 'COMPLETE' | 'WAITING' | 'IN_PROGRESS' | 'ERROR' | 'DELAYED'
export type Strategy = 'serial' | 'parallel'

export interface Step {
  id: string
  name: string
  status: Status
  /** pod instance this step deploys, e.g. kafka-0 (undefined for uninstall steps) */
  pod?: string
  tasks: string[]
  /** what the step does when executed */
  kind: 'deploy' | 'recover-transient' | 'recover-permanent' | 'kill' | 'unreserve' | 'deregister'
  /** reservation or task id the uninstall steps act on */
  target?: string
  interrupted?: boolean
}

export interface Phase {
  id: string
  name: string
  strategy: Strategy
  steps: Step[]
  interrupted: boolean
}

export interface Plan {
  name: string
  strategy: Strategy
  phases: Phase[]
  errors: string[]
  interrupted: boolean
}

function aggregate(children: Status[], candidates: Status[], interrupted: boolean, errors: boolean): Status {
  if (errors || children.includes('ERROR')) return 'ERROR'
  if (children.every((s) => s === 'COMPLETE')) return 'COMPLETE'
  if (interrupted) return 'WAITING'
  if (candidates.length > 0 && candidates.every((s) => s === 'DELAYED')) return 'DELAYED'
  if (children.includes('PREPARED')) return 'IN_PROGRESS'
  if (candidates.includes('WAITING')) return 'WAITING'
  if (candidates.includes('IN_PROGRESS')) return 'IN_PROGRESS'
  if (children.includes('COMPLETE') && candidates.some((s) => s === 'PENDING' || s === 'STARTING' || s === 'STARTED')) return 'IN_PROGRESS'
  if (candidates.includes('PENDING')) return 'PENDING'
  if (children.includes('WAITING')) return 'WAITING'
  if (candidates.includes('STARTING')) return 'STARTING'
  if (candidates.includes('STARTED')) return 'STARTED'
  return 'PENDING'
}

/** Steps the strategy lets run now: serial = the first incomplete one; parallel = all incomplete. */
export function candidateSteps(phase: Phase): Step[] {
  if (phase.interrupted) return []
  const open = phase.steps.filter((s) => s.status !== 'COMPLETE' && !s.interrupted)
  return phase.strategy === 'serial' ? open.slice(0, 1) : open
}

export function candidatePhases(plan: Plan): Phase[] {
  if (plan.interrupted) return []
  const open = plan.phases.filter((p) => phaseStatus(p) !== 'COMPLETE')
  return plan.strategy === 'serial' ? open.slice(0, 1) : open
}

export function stepDisplayStatus(step: Step): Status {
  return step.interrupted && step.status === 'PENDING' ? 'WAITING' : step.status
}

export function phaseStatus(phase: Phase): Status {
  const children = phase.steps.map(stepDisplayStatus)
  return aggregate(children, candidateSteps(phase).map(stepDisplayStatus), phase.interrupted, false)
}

export function planStatus(plan: Plan): Status {
  const children = plan.phases.map(phaseStatus)
  return aggregate(children, candidatePhases(plan).map(phaseStatus), plan.interrupted, plan.errors.length > 0)
}

/** `GET /v1/plans/{plan}` answers 200 when complete, 417 with errors, 202 otherwise. */
export function planHttpStatus(plan: Plan): 200 | 202 | 417 {
  const s = planStatus(plan)
  return s === 'COMPLETE' ? 200 : s === 'ERROR' ? 417 : 202
}

export function renderPlan(plan: Plan): Record<string, unknown> {
  return {
    phases: plan.phases.map((ph) => ({
      id: ph.id,
      name: ph.name,
      steps: ph.steps.map((st) => ({
        id: st.id,
        status: stepDisplayStatus(st),
        name: st.name,
        message: `com.mesosphere.sdk.scheduler.plan.DeploymentStep: '${st.name} [${st.id}]' has status: '${stepDisplayStatus(st)}'.`,
      })),
      strategy: ph.strategy,
      status: phaseStatus(ph),
    })),
    errors: plan.errors,
    strategy: plan.strategy,
    status: planStatus(plan),
  }
}

/** Finds a phase by name or id. */
export function findPhase(plan: Plan, ref: string): Phase | undefined {
  return plan.phases.find((p) => p.name === ref || p.id === ref)
}

export function findStep(phase: Phase, ref: string): Step | undefined {
  return phase.steps.find((s) => s.name === ref || s.id === ref)
}

/** The step name dcos-commons gives a deployment step: `<pod>-<i>:[<tasks>]` (Java list text). */
export function stepName(pod: string, tasks: string[]): string {
  return `${pod}:[${tasks.join(', ')}]`
}
