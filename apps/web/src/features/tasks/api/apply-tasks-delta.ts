/** A `task.changed` for an open task page re-reads that task (state, status history, health). */
import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { taskKeys } from './get-task.ts'

export function applyTasksDelta(qc: QueryClient, delta: LiveDelta): void {
  if (delta.type !== 'task.changed') return
  void qc.invalidateQueries({ queryKey: taskKeys.detail(delta.task.id), exact: true, refetchType: 'active' })
}
