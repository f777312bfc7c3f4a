/**
 * Resource rendering shared by the v0 and v1 renderers.
 *
 * v0 summaries (`{cpus, gpus, mem, disk, ports: "[a-b, c-d]"}`) follow Mesos'
 * `json(JSON::ObjectWriter*, const Resources&)`: the four scalars always present, ranges as a
 * string, and `ports` only when the agent/task has port resources.
 *
 * Full Resource objects follow the "ENDPOINT" format the operator API and `*_full` fields use
 * (`convertResourceFormat(&r, ENDPOINT)`): post-refinement `reservations[]` plus, when the
 * reservation stack has at most one entry, the legacy `role` (`"*"` when unreserved) and
 * `reservation` fields. Keys are in proto field-number order, as stout's JSON::protobuf emits.
 */
import { formatRanges, mergeRanges, SCALAR_NAMES, type PortRange, type ResourceBag } from '../../sim/resources.ts'
import type { Label, Reservation, SimAgent } from '../state/types.ts'

export interface ResourceSummary {
  cpus: number
  gpus: number
  mem: number
  disk: number
  ports?: string
}

/** v0 summary of a bag. */
export function summary(bag: ResourceBag): ResourceSummary {
  const out: ResourceSummary = { cpus: bag.cpus, gpus: bag.gpus, mem: bag.mem, disk: bag.disk }
  if (bag.ports.length > 0) out.ports = formatRanges(bag.ports)
  return out
}

export const EMPTY_SUMMARY: Readonly<ResourceSummary> = Object.freeze({ cpus: 0, gpus: 0, mem: 0, disk: 0 })

export interface WireReservation {
  type: 'STATIC' | 'DYNAMIC'
  role: string
  principal?: string
  labels?: { labels: Label[] }
}

export interface WireResource {
  name: string
  type: 'SCALAR' | 'RANGES'
  scalar?: { value: number }
  ranges?: { range: PortRange[] }
  role?: string
  disk?: { persistence: { id: string; principal: string }; volume: { container_path: string; mode: 'RW' | 'RO' } }
  reservation?: { principal?: string; labels?: { labels: Label[] } }
  allocation_info?: { role: string }
  reservations?: WireReservation[]
}

/** Where resources sit: the reservation stack (outermost first), the allocation role, and a volume if any. */
export interface ResourceContext {
  reservations: WireReservation[]
  allocationRole?: string
  volume?: Reservation['volume'] & { principal: string }
}

/** The reservation stack of resources on `agent`, optionally refined by a dynamic reservation. */
export function reservationStack(agent: SimAgent, reservation?: Reservation): WireReservation[] {
  const stack: WireReservation[] = agent.role === '*' ? [] : [{ type: 'STATIC', role: agent.role }]
  if (reservation) {
    stack.push({
      type: 'DYNAMIC',
      role: reservation.role,
      principal: reservation.principal,
      ...(reservation.labels.length > 0 ? { labels: { labels: reservation.labels } } : {}),
    })
  }
  return stack
}

/** Full Resource objects (ENDPOINT format) for a bag. Zero scalars and empty ranges are left out. */
export function fullResources(bag: ResourceBag, ctx: ResourceContext): WireResource[] {
  const out: WireResource[] = []
  // Agents report cpus, mem, disk, ports (then gpus), the order of Mesos' default --resources.
  for (const name of ['cpus', 'mem', 'disk'] as const) {
    if (bag[name] > 0) out.push(decorate({ name, type: 'SCALAR', scalar: { value: bag[name] } }, ctx, name === 'disk'))
  }
  if (bag.ports.length > 0) out.push(decorate({ name: 'ports', type: 'RANGES', ranges: { range: bag.ports.map((r) => ({ begin: r.begin, end: r.end })) } }, ctx, false))
  if (bag.gpus > 0) out.push(decorate({ name: 'gpus', type: 'SCALAR', scalar: { value: bag.gpus } }, ctx, false))
  return out
}

function decorate(base: WireResource, ctx: ResourceContext, isDisk: boolean): WireResource {
  const r: WireResource = { ...base }
  const stack = ctx.reservations
  // Legacy pre-refinement fields only exist when the stack can be expressed without refinement.
  if (stack.length <= 1) r.role = stack[0]?.role ?? '*'
  if (isDisk && ctx.volume) {
    r.disk = { persistence: { id: ctx.volume.persistenceId, principal: ctx.volume.principal }, volume: { container_path: ctx.volume.containerPath, mode: ctx.volume.mode } }
  }
  const top = stack[0]
  if (stack.length === 1 && top?.type === 'DYNAMIC') {
    r.reservation = { ...(top.principal !== undefined ? { principal: top.principal } : {}), ...(top.labels ? { labels: top.labels } : {}) }
  }
  if (ctx.allocationRole !== undefined) r.allocation_info = { role: ctx.allocationRole }
  if (stack.length > 0) r.reservations = stack
  return r
}

const MAX_PORT = 65535
/** Past this many ranges, merging through a difference array beats sorting objects. */
const SWEEP_THRESHOLD = 512

/**
 * Accumulates bags without re-merging port ranges on every add (addBags would be O(n²) over
 * 100,000 tasks): scalars are summed, ranges collected and merged once in `bag()`. Large
 * collections (a framework's 100,000 task ports) are merged with a difference array over the
 * port space, O(n + 65,536), instead of sorting range objects.
 */
export class BagAccumulator {
  private cpus = 0
  private mem = 0
  private disk = 0
  private gpus = 0
  private ports: PortRange[] = []
  private sweep: Int32Array | undefined

  add(bag: ResourceBag): void {
    this.cpus += bag.cpus
    this.mem += bag.mem
    this.disk += bag.disk
    this.gpus += bag.gpus
    for (const r of bag.ports) this.ports.push(r)
    if (this.ports.length > SWEEP_THRESHOLD) this.flushToSweep()
  }

  private flushToSweep(): void {
    const sweep = (this.sweep ??= new Int32Array(MAX_PORT + 2))
    const rest: PortRange[] = []
    for (const r of this.ports) {
      if (r.begin < 0 || r.end > MAX_PORT || r.begin > r.end) rest.push(r)
      else {
        sweep[r.begin]!++
        sweep[r.end + 1]!--
      }
    }
    this.ports = rest
  }

  private sweptRanges(): PortRange[] {
    const out: PortRange[] = []
    const sweep = this.sweep
    if (!sweep) return out
    let depth = 0
    let begin = -1
    for (let p = 0; p <= MAX_PORT + 1; p++) {
      depth += sweep[p]!
      if (depth > 0 && begin < 0) begin = p
      else if (depth <= 0 && begin >= 0) {
        out.push({ begin, end: p - 1 })
        begin = -1
      }
    }
    return out
  }

  bag(): ResourceBag {
    const round = (n: number) => Math.round(n * 1e6) / 1e6
    const ports = this.sweep ? mergeRanges([...this.sweptRanges(), ...this.ports]) : mergeRanges(this.ports)
    return { cpus: round(this.cpus), mem: round(this.mem), disk: round(this.disk), gpus: round(this.gpus), ports }
  }
}

/** True when every scalar is zero and there are no ports. */
export function isEmptyBag(bag: ResourceBag): boolean {
  return SCALAR_NAMES.every((n) => bag[n] === 0) && bag.ports.length === 0
}
