/**
 * `/metrics/snapshot` (and GET_METRICS): the master's flat `{key: number}` gauges and
 * counters. `*_percent` are fractions in [0, 1]. One pass over agents and tasks.
 */
import type { MesosMaster } from '../state/master.ts'
import { TERMINAL_STATES, type TaskState } from '../state/types.ts'

const TASK_GAUGES: Array<[string, TaskState]> = [
  ['staging', 'TASK_STAGING'],
  ['starting', 'TASK_STARTING'],
  ['running', 'TASK_RUNNING'],
  ['killing', 'TASK_KILLING'],
  ['unreachable', 'TASK_UNREACHABLE'],
  ['finished', 'TASK_FINISHED'],
  ['failed', 'TASK_FAILED'],
  ['killed', 'TASK_KILLED'],
  ['lost', 'TASK_LOST'],
  ['error', 'TASK_ERROR'],
  ['dropped', 'TASK_DROPPED'],
  ['gone', 'TASK_GONE'],
  ['gone_by_operator', 'TASK_GONE_BY_OPERATOR'],
]

export function metricsSnapshot(master: MesosMaster): Record<string, number> {
  const total = { cpus: 0, mem: 0, disk: 0, gpus: 0 }
  const used = { cpus: 0, mem: 0, disk: 0, gpus: 0 }
  let active = 0
  let inactive = 0
  let unreachable = 0
  for (const a of master.agents.values()) {
    if (a.status === 'unreachable') {
      unreachable++
      continue
    }
    if (a.active && !a.deactivated) active++
    else inactive++
    for (const k of ['cpus', 'mem', 'disk', 'gpus'] as const) {
      total[k] += a.total[k]
      used[k] += a.used[k]
    }
  }
  const byState = new Map<TaskState, number>()
  for (const t of master.tasks.values()) byState.set(t.state, (byState.get(t.state) ?? 0) + 1)
  for (const t of master.completedTasks.values()) byState.set(t.state, (byState.get(t.state) ?? 0) + 1)
  const frameworks = [...master.frameworks.values()]
  const out: Record<string, number> = {
    'master/elected': 1,
    'master/uptime_secs': master.clock.nowSeconds() - master.startTime,
    'master/slaves_active': active,
    'master/slaves_inactive': inactive,
    'master/slaves_connected': active + inactive,
    'master/slaves_disconnected': unreachable,
    'master/slaves_unreachable': unreachable,
    'master/slave_removals': master.goneAgents.size,
    'master/frameworks_active': frameworks.filter((f) => f.active).length,
    'master/frameworks_inactive': frameworks.filter((f) => !f.active).length,
    'master/frameworks_connected': frameworks.filter((f) => f.connected).length,
    'master/frameworks_disconnected': frameworks.filter((f) => !f.connected).length,
    'master/outstanding_offers': 0,
    'master/tasks_terminal_total': [...byState.entries()].filter(([s]) => TERMINAL_STATES.has(s)).reduce((n, [, c]) => n + c, 0),
  }
  for (const k of ['cpus', 'mem', 'disk', 'gpus'] as const) {
    out[`master/${k}_total`] = round(total[k])
    out[`master/${k}_used`] = round(used[k])
    out[`master/${k}_percent`] = total[k] > 0 ? used[k] / total[k] : 0
    out[`master/${k}_revocable_total`] = 0
    out[`master/${k}_revocable_used`] = 0
    out[`master/${k}_revocable_percent`] = 0
  }
  for (const [name, state] of TASK_GAUGES) out[`master/tasks_${name}`] = byState.get(state) ?? 0
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
