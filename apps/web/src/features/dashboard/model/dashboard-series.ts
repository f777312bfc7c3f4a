/** Turns the BFF's allocation samples into chart rows of percentages per resource. */
import type { AllocationSample, TaskCounts } from '@meridian/api'

export interface SeriesRow {
  at: number
  cpus: number
  mem: number
  disk: number
  gpus: number
}

function pct(used: number, total: number): number {
  return total > 0 ? Math.round((used / total) * 1000) / 10 : 0
}

export function toSeries(history: readonly AllocationSample[]): SeriesRow[] {
  return history.map((s) => ({
    at: s.at,
    cpus: pct(s.allocated.cpus, s.total.cpus),
    mem: pct(s.allocated.mem, s.total.mem),
    disk: pct(s.allocated.disk, s.total.disk),
    gpus: pct(s.allocated.gpus, s.total.gpus),
  }))
}

/** Task states grouped the way an operator reads them. */
export function groupTaskStates(t: TaskCounts): Array<{ group: string; count: number; tone: 'ok' | 'info' | 'neutral' | 'danger' }> {
  const n = (k: keyof TaskCounts) => t[k] ?? 0
  return [
    { group: 'Running', count: n('TASK_RUNNING'), tone: 'ok' },
    { group: 'Starting', count: n('TASK_STAGING') + n('TASK_STARTING'), tone: 'info' },
    { group: 'Killing', count: n('TASK_KILLING'), tone: 'info' },
    { group: 'Finished', count: n('TASK_FINISHED') + n('TASK_KILLED'), tone: 'neutral' },
    {
      group: 'Failed',
      count: n('TASK_FAILED') + n('TASK_ERROR') + n('TASK_LOST') + n('TASK_DROPPED') + n('TASK_GONE') + n('TASK_GONE_BY_OPERATOR'),
      tone: 'danger',
    },
    { group: 'Unreachable', count: n('TASK_UNREACHABLE') + n('TASK_UNKNOWN'), tone: 'danger' },
  ]
}
