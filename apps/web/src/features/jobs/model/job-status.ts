import type { JobStatus } from '@meridian/api'
import type { Tone } from '#shared/ui/status-badge.tsx'

export const JOB_STATUS_TONE: Record<JobStatus, Tone> = { Running: 'info', Scheduled: 'ok', Unscheduled: 'neutral', Failed: 'danger', Completed: 'ok' }
