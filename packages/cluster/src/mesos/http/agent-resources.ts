/**
 * Splits an agent's and a task's resources into the pieces Mesos would hold as separate
 * Resource objects: the unreserved (or statically reserved, e.g. `slave_public`) remainder and
 * one piece per dynamic reservation (a persistent volume being the reservation's disk).
 */
import { subtractBags, type ResourceBag } from '../../sim/resources.ts'
import type { MesosMaster } from '../state/master.ts'
import type { SimAgent, SimTask } from '../state/types.ts'
import { fullResources, reservationStack, type ResourceContext, type WireResource } from './wire-resources.ts'

export interface ResourcePiece {
  bag: ResourceBag
  ctx: ResourceContext
  /** role the piece is reserved to (last reservation), undefined when unreserved */
  reservedRole?: string
}

export function agentTotalPieces(agent: SimAgent): ResourcePiece[] {
  let remainder = agent.total
  const pieces: ResourcePiece[] = []
  for (const r of agent.reservations.values()) {
    remainder = subtractBags(remainder, r.resources)
    pieces.push({
      bag: r.resources,
      ctx: { reservations: reservationStack(agent, r), ...(r.volume ? { volume: { ...r.volume, principal: r.principal } } : {}) },
      reservedRole: r.role,
    })
  }
  const base: ResourcePiece = { bag: remainder, ctx: { reservations: reservationStack(agent) }, ...(agent.role !== '*' ? { reservedRole: agent.role } : {}) }
  return [base, ...pieces]
}

export function taskPiece(master: MesosMaster, task: SimTask): ResourcePiece {
  const agent = master.agents.get(task.agentId) ?? master.goneAgents.get(task.agentId)
  const reservation = task.reservationId ? agent?.reservations.get(task.reservationId) : undefined
  const stack = agent ? reservationStack(agent, reservation) : []
  return {
    bag: task.resources,
    ctx: { reservations: stack, allocationRole: task.role, ...(reservation?.volume ? { volume: { ...reservation.volume, principal: reservation.principal } } : {}) },
    ...(stack.length > 0 ? { reservedRole: stack[stack.length - 1]!.role } : {}),
  }
}

export function piecesToResources(pieces: ResourcePiece[]): WireResource[] {
  return pieces.flatMap((p) => fullResources(p.bag, p.ctx))
}
