import { StatusBadge, type Tone } from './status-badge.tsx'

/** Tone of a Mesos task state: running is fine, transitions are in progress, FINISHED is a normal end. */
export function taskStateTone(state: string): Tone {
  if (state === 'TASK_RUNNING') return 'ok'
  if (state === 'TASK_STAGING' || state === 'TASK_STARTING' || state === 'TASK_KILLING') return 'info'
  if (state === 'TASK_FINISHED') return 'neutral'
  return 'danger'
}

/** A Mesos task state as a badge ("running", "killing", ...), the same on every page. */
export function TaskStateBadge({ state }: { state: string }) {
  return <StatusBadge tone={taskStateTone(state)}>{state.replace('TASK_', '').toLowerCase()}</StatusBadge>
}
