/**
 * `dashboard.changed` deltas: the dashboard's numbers (tasks by state, nodes, services, jobs,
 * plans) move with the other deltas, but recomputing them per task event would cost every
 * browser a full refetch per event. This feed coalesces the deltas that move them into one
 * `dashboard.changed` per burst: trailing `debounceMs` after the last one, and at most
 * `maxWaitMs` after the first, so a steady stream of events still refreshes the numbers.
 */
import type { DashboardChangeReason, LiveDelta } from '@meridian/api'
import type { LiveFeed } from './hub.ts'

const REASON: Partial<Record<LiveDelta['type'], DashboardChangeReason>> = {
  'task.changed': 'tasks',
  'nodes.changed': 'nodes',
  'node.removed': 'nodes',
  'service.changed': 'services',
  'deployment.changed': 'services',
  'job.changed': 'jobs',
  'plan.changed': 'plans',
}

/** Options. */
export interface DashboardFeedOptions {
  debounceMs?: number
  maxWaitMs?: number
}

/** Creates the feed. */
export function dashboardFeed(opts: DashboardFeedOptions = {}): LiveFeed {
  const debounceMs = opts.debounceMs ?? 1000
  const maxWaitMs = opts.maxWaitMs ?? 5000
  const pending = new Set<DashboardChangeReason>()
  let firstAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let publish: ((d: LiveDelta) => void) | undefined
  let unobserve: (() => void) | undefined

  const flush = () => {
    timer = undefined
    if (pending.size === 0) return
    const reasons = [...pending].sort()
    pending.clear()
    publish?.({ type: 'dashboard.changed', reasons })
  }

  return {
    start(p, observe) {
      publish = p
      unobserve = observe?.((e) => {
        const reason = REASON[e.delta.type]
        if (!reason) return
        const now = Date.now()
        if (pending.size === 0) firstAt = now
        pending.add(reason)
        if (timer) clearTimeout(timer)
        timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)))
        timer.unref?.()
      })
    },
    stop() {
      unobserve?.()
      unobserve = undefined
      if (timer) clearTimeout(timer)
      timer = undefined
      pending.clear()
      publish = undefined
    },
  }
}
