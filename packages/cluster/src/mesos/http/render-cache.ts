/**
 * Per-task cache of rendered JSON text (v0 task, v1 task, v1 allocated Resource objects).
 *
 * Tasks are read far more often than they change: a 100,000-task cluster sees a few status
 * updates per second while every `/master/state`, state-summary poll or GET_STATE renders all
 * of them. The master changes a task only by appending a status (state changes, health
 * changes, reconciliation: `pushStatus`), so `statuses.length` is the task's revision. The v1
 * renderings also depend on the reservation the task runs on (its `reservations` stack), so
 * they are keyed by that reservation object too: an UNRESERVE or a removed agent invalidates
 * them.
 */
import type { MesosMaster } from '../state/master.ts'
import type { Reservation, SimTask } from '../state/types.ts'
import { taskPiece } from './agent-resources.ts'
import { fullResources } from './wire-resources.ts'

interface TaskRenderEntry {
  revision: number
  v0?: string
  /** reservation the v1 texts were rendered against */
  reservation?: Reservation | undefined
  v1?: string
  allocated?: string
}

/**
 * The entry hangs off the task under a non-enumerable symbol (invisible to JSON, spreads and
 * equality checks): a WeakMap lookup per task per request measured 2-3x slower at 100,000
 * tasks, and the entry is collected with the task all the same.
 */
const ENTRY = Symbol('renderCache')
type Cached = SimTask & { [ENTRY]?: TaskRenderEntry }

function entryOf(task: SimTask): TaskRenderEntry {
  const revision = task.statuses.length
  let e = (task as Cached)[ENTRY]
  if (!e) Object.defineProperty(task, ENTRY, { value: (e = { revision }), writable: true })
  else if (e.revision !== revision) (task as Cached)[ENTRY] = e = { revision }
  return e
}

function reservationOf(master: MesosMaster, task: SimTask): Reservation | undefined {
  if (!task.reservationId) return undefined
  const agent = master.agents.get(task.agentId) ?? master.goneAgents.get(task.agentId)
  return agent?.reservations.get(task.reservationId)
}

function v1Entry(master: MesosMaster, task: SimTask): TaskRenderEntry {
  const e = entryOf(task)
  const reservation = reservationOf(master, task)
  if (e.reservation !== reservation) {
    e.reservation = reservation
    delete e.v1
    delete e.allocated
  }
  return e
}

/** `JSON.stringify(render(task))` for the v0 task renderer, cached until the task changes. */
export function cachedTaskV0Json(task: SimTask, render: (task: SimTask) => object): string {
  const e = entryOf(task)
  return (e.v0 ??= JSON.stringify(render(task)))
}

/** `JSON.stringify(render(master, task))` for the v1 task renderer, cached until the task or its reservation changes. */
export function cachedTaskV1Json(master: MesosMaster, task: SimTask, render: (master: MesosMaster, task: SimTask) => object): string {
  const e = v1Entry(master, task)
  return (e.v1 ??= JSON.stringify(render(master, task)))
}

/**
 * The task's allocated Resource objects as JSON array *items* (no brackets, '' when none), for
 * splicing into an agent's or framework's `allocated_resources`.
 */
export function taskAllocatedJson(master: MesosMaster, task: SimTask): string {
  const e = v1Entry(master, task)
  if (e.allocated === undefined) {
    const p = taskPiece(master, task)
    e.allocated = JSON.stringify(fullResources(p.bag, p.ctx)).slice(1, -1)
  }
  return e.allocated
}
