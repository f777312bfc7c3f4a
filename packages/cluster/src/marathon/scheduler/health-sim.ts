/**
 * Simulated health and readiness checks. There is no real process to probe, so apps choose
 * their outcome with labels (read by the demo and by tests):
 *
 * - `MERIDIAN_SIM_HEALTH=unhealthy` — every health check fails; after the grace period the
 *   instance turns unhealthy and, after `maxConsecutiveFailures`, Marathon kills and
 *   replaces it (as real Marathon does for failing Marathon-side checks).
 * - `MERIDIAN_SIM_CRASH=true` — the task exits with TASK_FAILED shortly after RUNNING
 *   (`MERIDIAN_SIM_CRASH_AFTER_SECONDS`, default 10), so the app crash-loops with backoff.
 * - `MERIDIAN_SIM_READY=false` — readiness checks never succeed (a deployment waits forever).
 * - `MERIDIAN_SIM_STARTUP_SECONDS` — time from launch to TASK_RUNNING (default 2).
 *
 * An app that cannot be placed needs no label: ask for more than any agent has, or add an
 * unsatisfiable constraint, and `/v2/queue` explains the declined offers.
 *
 * Healthy checks are evaluated once (first result) and `lastSuccess` is then derived from the
 * interval when rendered, so 100,000 healthy tasks cost no timers.
 */
import type { HealthCheck, MarathonApp } from '../model/app-types.ts'
import type { Instance } from './instance.ts'

export function simulatesUnhealthy(app: MarathonApp): boolean {
  return app.labels.MERIDIAN_SIM_HEALTH === 'unhealthy'
}

export function simulatesCrash(app: MarathonApp): boolean {
  return app.labels.MERIDIAN_SIM_CRASH === 'true'
}

export function simulatesNeverReady(app: MarathonApp): boolean {
  return app.labels.MERIDIAN_SIM_READY === 'false'
}

export function startupMs(app: MarathonApp): number {
  const s = Number(app.labels.MERIDIAN_SIM_STARTUP_SECONDS)
  return Number.isFinite(s) && s > 0 ? s * 1000 : 2000
}

export function crashAfterMs(app: MarathonApp): number {
  const s = Number(app.labels.MERIDIAN_SIM_CRASH_AFTER_SECONDS)
  return Number.isFinite(s) && s > 0 ? s * 1000 : 10_000
}

/** Delay from TASK_RUNNING to the first health check result. */
export function firstCheckMs(h: HealthCheck): number {
  return Math.min(h.delaySeconds, h.intervalSeconds) * 1000
}

/** Marathon's health check result JSON for one check of one instance. */
export function healthResultJson(inst: Instance, h: HealthCheck, now: number): Record<string, unknown> {
  const s = inst.health
  const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString())
  let lastSuccess = s?.lastSuccess
  if (s?.alive === true && lastSuccess !== undefined) {
    const period = h.intervalSeconds * 1000
    lastSuccess += Math.floor((now - lastSuccess) / period) * period
  }
  return {
    alive: s?.alive ?? false,
    consecutiveFailures: s?.consecutiveFailures ?? 0,
    firstSuccess: iso(s?.firstSuccess),
    lastFailure: iso(s?.lastFailure),
    lastSuccess: iso(lastSuccess),
    lastFailureCause: s?.lastFailureCause ?? null,
    instanceId: inst.instanceId,
  }
}
