/**
 * How a simulated job task behaves, read from the job's labels (the emulator's only knob; a
 * real Metronome ignores these labels):
 *
 * - `MERIDIAN_SIM_OUTCOME`: `success` (default) — every task exits 0 (TASK_FINISHED);
 *   `fail` — every task exits non-zero (TASK_FAILED); `flaky` — each task fails with
 *   probability `MERIDIAN_SIM_FAILURE_RATE` (default 0.3), drawn from the cluster's seeded
 *   random source, so the same seed gives the same sequence of outcomes.
 * - `MERIDIAN_SIM_DURATION_SECONDS`: how long the task runs after TASK_RUNNING (default 30).
 */
import type { SeededRandom } from '../../sim/random.ts'

export const SIM_OUTCOME_LABEL = 'MERIDIAN_SIM_OUTCOME'
export const SIM_FAILURE_RATE_LABEL = 'MERIDIAN_SIM_FAILURE_RATE'
export const SIM_DURATION_LABEL = 'MERIDIAN_SIM_DURATION_SECONDS'

export interface TaskOutcome {
  state: 'TASK_FINISHED' | 'TASK_FAILED'
  afterMs: number
  message: string
}

export function drawOutcome(labels: Record<string, string>, random: SeededRandom): TaskOutcome {
  const seconds = Number(labels[SIM_DURATION_LABEL])
  const afterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000
  const mode = (labels[SIM_OUTCOME_LABEL] ?? 'success').toLowerCase()
  let fail = mode === 'fail'
  if (mode === 'flaky') {
    const rate = Number(labels[SIM_FAILURE_RATE_LABEL])
    fail = random.chance(Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0.3)
  }
  return fail
    ? { state: 'TASK_FAILED', afterMs, message: 'Command exited with status 1' }
    : { state: 'TASK_FINISHED', afterMs, message: 'Command exited with status 0' }
}
