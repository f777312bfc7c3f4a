import type { QueryClient } from '@tanstack/react-query'
import type { LiveDelta } from '@meridian/api'
import { jobKeys } from './get-jobs.ts'

/** A Metronome job or run changed: the list and that job's page are stale. */
export function applyJobsDelta(qc: QueryClient, delta: LiveDelta): void {
  if (delta.type !== 'job.changed') return
  void qc.invalidateQueries({ queryKey: jobKeys.list(), refetchType: 'active' })
  void qc.invalidateQueries({ queryKey: jobKeys.detail(delta.jobId), refetchType: 'active' })
}
