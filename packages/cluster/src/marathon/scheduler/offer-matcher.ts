/**
 * Matches one app instance against one agent's offer the way Marathon's ResourceMatcher and
 * constraint checks do, returning Marathon's NoOfferMatchReason names on a mismatch. The
 * "offer" is what the allocator would offer Marathon (roles `slave_public` and `*`).
 */
import type { SimAgent } from '../../mesos/state/types.ts'
import { missingScalars, takePorts, type ResourceBag } from '../../sim/resources.ts'
import { requestedHostPorts, type MarathonApp } from '../model/app-types.ts'

/** Marathon's reason funnel order (NoOfferMatchReason.reasonFunnel). */
export const REASON_FUNNEL = [
  'UnfulfilledRole',
  'UnfulfilledConstraint',
  'NoCorrespondingReservationFound',
  'AgentMaintenance',
  'InsufficientCpus',
  'InsufficientMemory',
  'InsufficientDisk',
  'InsufficientGpus',
  'InsufficientPorts',
  'DeclinedScarceResources',
] as const
export type RejectReason = (typeof REASON_FUNNEL)[number]

const SCALAR_REASON = { cpus: 'InsufficientCpus', mem: 'InsufficientMemory', disk: 'InsufficientDisk', gpus: 'InsufficientGpus' } as const

/** DC/OS starts Marathon with `--default_accepted_resource_roles=*`: no public agents by default. */
export function acceptedRoles(app: MarathonApp): string[] {
  return app.acceptedResourceRoles ?? ['*']
}

/** The value a constraint field reads on an agent (`hostname`, `@region`, `@zone`, attributes). */
export function fieldValue(agent: SimAgent, field: string): string | undefined {
  if (field === 'hostname' || field === '@hostname') return agent.hostname
  if (field === '@region') return agent.region
  if (field === '@zone') return agent.zone
  const v = agent.attributes[field]
  return v === undefined ? undefined : String(v)
}

export interface PlacementContext {
  /** agents of the app's active instances (one entry per instance) */
  placedAgents: SimAgent[]
  /** distinct values of a field across offerable agents (for GROUP_BY) */
  distinctValues(field: string): string[]
}

export function constraintHolds(c: string[], agent: SimAgent, ctx: PlacementContext): boolean {
  const [field = '', op, value] = c
  const here = fieldValue(agent, field)
  const countHere = (): number => ctx.placedAgents.filter((a) => fieldValue(a, field) === here).length
  switch (op) {
    case 'UNIQUE':
      return here !== undefined && countHere() === 0
    case 'CLUSTER':
    case 'IS':
      return here !== undefined && (value === undefined || here === value)
    case 'LIKE':
      return here !== undefined && new RegExp(`^(?:${value ?? ''})$`).test(here)
    case 'UNLIKE':
      return here === undefined || !new RegExp(`^(?:${value ?? ''})$`).test(here)
    case 'MAX_PER':
      return here !== undefined && countHere() < Number(value ?? 0)
    case 'GROUP_BY': {
      if (here === undefined) return false
      const counts = new Map<string, number>(ctx.distinctValues(field).map((v) => [v, 0]))
      for (const a of ctx.placedAgents) {
        const v = fieldValue(a, field)
        if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1)
      }
      return (counts.get(here) ?? 0) <= Math.min(...counts.values())
    }
    default:
      return false
  }
}

export type MatchResult = { ok: true; ports: number[] } | { ok: false; reasons: RejectReason[] }

/** Checks roles, constraints, scalars and ports of `app` against `available` on `agent`. */
export function matchOffer(app: MarathonApp, agent: SimAgent, availableOf: () => ResourceBag, ctx: PlacementContext, diskNeeded: number): MatchResult {
  const roles = acceptedRoles(app)
  const offeredToRole = agent.role === '*' || agent.role === app.role
  if (!offeredToRole || !roles.includes(agent.role)) return { ok: false, reasons: ['UnfulfilledRole'] }
  if (!app.constraints.every((c) => constraintHolds(c, agent, ctx))) return { ok: false, reasons: ['UnfulfilledConstraint'] }
  // Computed lazily: most declined offers of a large cluster fail on role or constraints.
  const available = availableOf()
  const reasons: RejectReason[] = missingScalars({ cpus: app.cpus, mem: app.mem, disk: diskNeeded, gpus: app.gpus }, available).map((n) => SCALAR_REASON[n])
  const wanted = requestedHostPorts(app)
  const ports = takePorts(available.ports, wanted.length, wanted)
  if (!ports) reasons.push('InsufficientPorts')
  return reasons.length > 0 || !ports ? { ok: false, reasons } : { ok: true, ports }
}

export interface RejectSummaryEntry {
  reason: RejectReason
  declined: number
  processed: number
}

/** The reason an offer counts as declined by: its first reason in funnel order. */
export function firstReason(reasons: readonly RejectReason[]): RejectReason | undefined {
  return REASON_FUNNEL.find((r) => reasons.includes(r))
}

/**
 * Marathon's funnel: each offer counts as declined by its first reason in funnel order; an
 * entry's `processed` is the number of offers that reached that stage.
 */
export function rejectFunnel(total: number, declinedBy: ReadonlyMap<RejectReason, number>): RejectSummaryEntry[] {
  let processed = total
  return REASON_FUNNEL.map((reason) => {
    const declined = declinedBy.get(reason) ?? 0
    const entry = { reason, declined, processed }
    processed -= declined
    return entry
  })
}
