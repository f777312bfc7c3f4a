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
import { KeyedRereads } from './keyed-rereads.ts'

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
  const services = new Map<string, SdkServiceRef>()
  const seen = new Map<string, string>()
  let publish: ((d: LiveDelta) => void) | undefined
  let unobserve: (() => void) | undefined

  const rereads = new KeyedRereads<string>(async (serviceId) => {
    const svc = services.get(serviceId)
    if (!svc || !publish) return
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
      rereads.schedule(svc.serviceId, settleMs)
    }
  }, debounceMs)

  /** A fresh reason to look: re-read soon, and follow a moving plan again from the start. */
  const wake = (svc: SdkServiceRef) => {
    if (!publish) return
    services.set(svc.serviceId, svc)
    followUps.set(svc.serviceId, 0)
    rereads.schedule(svc.serviceId)
  }

  return {
    start(p, observe) {
      publish = p
      rereads.restart()
      unobserve = observe?.((e) => {
        const d = e.delta
        if (d.type === 'resync') directory.clear()
        if (d.type !== 'task.changed') return
        void directory.serviceOf(d.task.frameworkId).then((svc) => {
          if (svc) wake(svc)
        })
      })
    },
    stop() {
      unobserve?.()
      unobserve = undefined
      publish = undefined
      rereads.stop()
    },
    poke: wake,
  }
}
