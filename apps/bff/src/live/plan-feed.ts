/**
 * `plan.changed` deltas. SDK schedulers have no event stream, so plan changes are derived from
 * the Mesos task events of each service's framework (the `task.changed` deltas of the Mesos
 * feed): a task event of an SDK framework schedules a debounced re-read of that one service's
 * plans, and every plan whose visible state (status, step statuses) differs from the last read
 * is published. Some steps complete without any task state change (a readiness check passing
 * on an already RUNNING task), so while a re-read still shows a plan moving, that one service
 * is re-read again after `settleMs`, at most `maxFollowUps` times per task event. Nothing is
 * polled while no task changes and no plan is moving.
 */
import type { LiveDelta } from '@meridian/api'
import type { Upstreams } from '../upstreams/registry.ts'
import { planFingerprint, type SdkServiceRef } from '../views/plans/to-plan-view.ts'
import { loadServicePlans } from '../loaders/plans-loader.ts'
import { FrameworkDirectory } from './framework-directory.ts'
import type { LiveFeed } from './hub.ts'

/** The plan feed, plus `poke` for changes that no task event announces (a plan command). */
export interface PlanFeed extends LiveFeed {
  poke(svc: SdkServiceRef): void
}

/** Plan statuses that mean the scheduler is working on it (WAITING/COMPLETE/ERROR need a user or a task event). */
const MOVING = new Set(['PENDING', 'PREPARED', 'STARTING', 'STARTED', 'IN_PROGRESS', 'DELAYED'])

export interface PlanFeedOptions {
  debounceMs?: number
  settleMs?: number
  maxFollowUps?: number
  directory?: FrameworkDirectory
}

export function planFeed(up: Upstreams, opts: PlanFeedOptions = {}): PlanFeed {
  const debounceMs = opts.debounceMs ?? 500
  const settleMs = opts.settleMs ?? 2000
  const maxFollowUps = opts.maxFollowUps ?? 15
  const followUps = new Map<string, number>()
  const directory = opts.directory ?? new FrameworkDirectory(up)
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const seen = new Map<string, string>()
  let publish: ((d: LiveDelta) => void) | undefined
  let unobserve: (() => void) | undefined

  async function reread(svc: SdkServiceRef): Promise<void> {
    let plans
    try {
      plans = await loadServicePlans(up, svc)
    } catch {
      return // scheduler restarting or gone; the next task event tries again
    }
    for (const p of plans) {
      const key = `${svc.serviceId}\u0000${p.name}`
      const fp = planFingerprint(p)
      if (seen.get(key) === fp) continue
      seen.set(key, fp)
      publish?.({ type: 'plan.changed', serviceId: svc.serviceId, plan: p.name, status: p.status })
    }
    const n = followUps.get(svc.serviceId) ?? 0
    if (plans.some((p) => MOVING.has(p.status)) && n < maxFollowUps) {
      followUps.set(svc.serviceId, n + 1)
      schedule(svc, settleMs)
    }
  }

  function schedule(svc: SdkServiceRef, delay = debounceMs): void {
    if (timers.has(svc.serviceId) || !publish) return
    const t = setTimeout(() => {
      timers.delete(svc.serviceId)
      void reread(svc)
    }, delay)
    t.unref?.()
    timers.set(svc.serviceId, t)
  }

  return {
    start(p, observe) {
      publish = p
      unobserve = observe?.((e) => {
        const d = e.delta
        if (d.type === 'resync') directory.clear()
        if (d.type !== 'task.changed') return
        void directory.serviceOf(d.task.frameworkId).then((svc) => {
          if (!svc) return
          followUps.set(svc.serviceId, 0)
          schedule(svc)
        })
      })
    },
    stop() {
      unobserve?.()
      unobserve = undefined
      publish = undefined
      for (const t of timers.values()) clearTimeout(t)
      timers.clear()
    },
    poke(svc) {
      followUps.set(svc.serviceId, 0)
      schedule(svc)
    },
  }
}
