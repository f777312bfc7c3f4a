/**
 * Metronome job ids from Mesos task ids. Metronome names a run's task
 * `<jobId with '.' → '_'>_<runId>.<uuid>` (e.g. `prod_backup_20261125120000abcde.3f0c…`); job
 * ids never contain `_`, so the last `_` before the `.uuid` separates job and run.
 */
import { JobIdSchema } from '@meridian/api'

/** The job id a Metronome task belongs to, or null when the id has another shape. */
export function jobIdOfTask(taskId: string): string | null {
  const dot = taskId.lastIndexOf('.')
  const base = dot > 0 ? taskId.slice(0, dot) : taskId
  const sep = base.lastIndexOf('_')
  if (sep <= 0) return null
  const jobId = base.slice(0, sep).replaceAll('_', '.')
  return JobIdSchema.safeParse(jobId).success ? jobId : null
}
