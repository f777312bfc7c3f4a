/**
 * `/master/tasks` query semantics (Master::ReadOnlyHandler::tasks): `limit` (default 100) and
 * `offset` (default 0) go through numify<int> and silently fall back to their defaults when
 * they are not integers (Mesos answers 200, not 400); they are then used as size_t, so a
 * negative value wraps around. `order=asc` sorts by the first status timestamp ascending,
 * anything else descending. Active, unreachable and completed tasks of active and completed
 * frameworks are included.
 */
import type { MesosMaster } from '../state/master.ts'
import type { SimTask } from '../state/types.ts'

export const TASK_LIMIT = 100
const TWO_64 = 1n << 64n

/** numify<int>: an optionally signed decimal that fits an int32, else none. */
function numifyInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) return undefined
  const n = Number(text)
  return n >= -2147483648 && n <= 2147483647 ? n : undefined
}

const asSizeT = (n: number) => (n < 0 ? TWO_64 + BigInt(n) : BigInt(n))

export interface TasksQuery {
  limit?: string
  offset?: string
  order?: string
  framework_id?: string
  task_id?: string
}

export function selectTasks(master: MesosMaster, q: TasksQuery): SimTask[] {
  const limit = asSizeT(numifyInt(q.limit) ?? TASK_LIMIT)
  const offset = asSizeT(numifyInt(q.offset) ?? 0)
  const ascending = q.order === 'asc'
  const frameworks = [...master.frameworks.values(), ...master.completedFrameworks.values()].filter((f) => q.framework_id === undefined || f.id === q.framework_id)
  const tasks: SimTask[] = []
  const accept = (t: SimTask | undefined) => {
    if (t && (q.task_id === undefined || t.id === q.task_id)) tasks.push(t)
  }
  for (const f of frameworks) {
    if (q.task_id !== undefined) {
      // Direct lookup: O(1) per framework instead of a scan.
      const t = master.getTask(q.task_id)
      if (t?.frameworkId === f.id) accept(t)
      continue
    }
    for (const id of f.taskIds) accept(master.tasks.get(id))
    for (const id of f.completedTaskIds) accept(master.completedTasks.get(id))
  }
  const first = (t: SimTask) => t.statuses[0]?.timestamp
  tasks.sort((a, b) => {
    const x = first(a)
    const y = first(b)
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? (ascending ? -1 : 1) : ascending ? 1 : -1
    return ascending ? x - y : y - x
  })
  const end = (offset + limit) % TWO_64
  const stop = end < BigInt(tasks.length) ? Number(end) : tasks.length
  if (offset >= BigInt(tasks.length)) return []
  return tasks.slice(Number(offset), stop)
}
