/**
 * Keeps one Mesos SUBSCRIBE stream open and the BFF's Mesos mirror current, and turns what
 * changes into live deltas:
 * - every TASK_ADDED/TASK_UPDATED → `task.changed`;
 * - agents whose allocation, counters, flags or maintenance moved → one `nodes.changed` per
 *   flush window carrying their full rows;
 * - AGENT_REMOVED → `node.removed`;
 * - each (re)subscription → `upstream.status` + `resync` (the snapshot may differ from what
 *   clients hold); loss → `upstream.status` down, and the mirror stops answering until the next
 *   snapshot (routes read the master directly meanwhile).
 * Agent flags and maintenance are not on the operator stream; they are re-read from
 * state-summary on AGENT_ADDED, on `refreshAgents()` (after the BFF's own maintenance calls) and
 * every `agentRefreshMs` (60 s). No event for 5 heartbeat intervals counts as a loss (operator API
 * guidance); an update of a task the snapshot did not have forces a resubscribe.
 */
import type { LiveDelta, NodeView } from '@meridian/api'
import { MesosMirror } from '../mirror/mesos-mirror.ts'
import type { MesosClient, MesosMaintenanceStatus } from '../upstreams/mesos/index.ts'
import { agentMachineKey, indexMaintenance, machineKeysOf, toNodeView } from '../views/nodes/to-node-view.ts'
import type { LiveFeed } from './hub.ts'
import { UpstreamStream } from './upstream-stream.ts'

export interface MesosFeedOptions {
  backoffBaseMs?: number
  /**
   * how often agent flags and maintenance are re-read (ms, default 60 s): a state-summary of
   * 10,000 agents is ~12 MB to parse, and the BFF's own maintenance calls re-read at once anyway
   */
  agentRefreshMs?: number
  /** window in which changed agents are batched into one `nodes.changed` (ms, default 500) */
  nodeFlushMs?: number
  /** time allowed until SUBSCRIBED has arrived and been parsed (ms, default 120 s: a cold master renders 100,000 tasks first, ~300 MB) */
  connectTimeoutMs?: number
}

/** The feed plus its mirror, which routes read. */
export interface MesosFeed extends LiveFeed {
  readonly mirror: MesosMirror
  /** Re-read agent flags and maintenance soon (debounced). */
  refreshAgents(): void
}

/** Creates the feed. */
export function mesosFeed(mesos: MesosClient, opts: MesosFeedOptions = {}): MesosFeed {
  const mirror = new MesosMirror()
  const dirty = new Set<string>()
  let publish: ((d: LiveDelta) => void) | undefined
  let everConnected = false
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  let periodic: ReturnType<typeof setInterval> | undefined
  let refreshing: Promise<void> | undefined
  // The first agent load fills the mirror; clients read it through the `resync` that follows.
  let agentsLoaded = false

  const flush = () => {
    flushTimer = undefined
    if (dirty.size === 0 || !mirror.synced) return
    const index = indexMaintenance(mirror.maintenanceStatus())
    const nodes: NodeView[] = []
    for (const id of dirty) {
      const agent = mirror.agent(id)
      if (agent) nodes.push(toNodeView(agent, index))
    }
    dirty.clear()
    if (nodes.length > 0) publish?.({ type: 'nodes.changed', nodes })
  }
  const markDirty = (ids: Iterable<string>) => {
    for (const id of ids) dirty.add(id)
    if (dirty.size > 0 && !flushTimer) {
      flushTimer = setTimeout(flush, opts.nodeFlushMs ?? 500)
      flushTimer.unref?.()
    }
  }

  async function loadAgents(): Promise<void> {
    const [summary, maintenance] = await Promise.all([mesos.stateSummary(), mesos.maintenanceStatus().catch((): MesosMaintenanceStatus | undefined => undefined)])
    const before = mirror.maintenanceStatus()
    const { changed, removed } = mirror.loadAgents(summary)
    if (mirror.setMaintenance(maintenance)) {
      // Only agents on machines entering or leaving maintenance change their rows.
      const keys = new Set([...machineKeysOf(before), ...machineKeysOf(maintenance)])
      for (const a of mirror.summary().slaves ?? []) if (keys.has(agentMachineKey(a))) changed.push(a.id)
    }
    if (!agentsLoaded) {
      agentsLoaded = true
      return
    }
    for (const id of removed) publish?.({ type: 'node.removed', nodeId: id })
    markDirty(changed)
  }
  // A read asked for while one is in flight may concern a change that read started too early to
  // see (the last task of a draining agent ended meanwhile): one more read follows it.
  let again = false
  const refreshNow = (): Promise<void> => {
    if (refreshing) {
      again = true
      return refreshing
    }
    refreshing = loadAgents()
      .catch(() => undefined)
      .finally(() => {
        refreshing = undefined
        if (again) {
          again = false
          void refreshNow()
        }
      })
    return refreshing
  }
  const refreshSoon = (ms = 250) => {
    if (refreshTimer) return
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined
      void refreshNow()
    }, ms)
    refreshTimer.unref?.()
  }

  const stream = new UpstreamStream({
    idleMs: 15_000 * 5,
    connectTimeoutMs: opts.connectTimeoutMs ?? 120_000,
    ...(opts.backoffBaseMs !== undefined ? { backoffBaseMs: opts.backoffBaseMs } : {}),
    onLost: () => {
      mirror.desync()
      publish?.({ type: 'upstream.status', upstream: 'mesos', connected: false })
    },
    async open(attempt) {
      for await (const event of mesos.subscribe(attempt.signal)) {
        attempt.alive()
        const change = mirror.apply(event)
        if (event.type === 'SUBSCRIBED') {
          attempt.setIdleMs((event.subscribed.heartbeat_interval_seconds ?? 15) * 1000 * 5)
          attempt.connected()
          if (!everConnected) await refreshNow()
          else void refreshNow()
          publish?.({ type: 'upstream.status', upstream: 'mesos', connected: true })
          publish?.({ type: 'resync', reason: everConnected ? 'upstream-reconnected' : 'initial' })
          everConnected = true
          continue
        }
        if (change.inconsistent) throw new Error(`Mesos sent ${event.type} for a task the snapshot did not have`)
        if (change.task) {
          const t = change.task
          publish?.({ type: 'task.changed', task: { id: t.id, name: t.name, frameworkId: t.frameworkId, agentId: t.agentId, state: t.state, healthy: t.healthy } })
        }
        for (const id of change.removedAgents) publish?.({ type: 'node.removed', nodeId: id })
        if (change.needsAgentInfo) refreshSoon()
        markDirty(change.agents)
      }
    },
  })

  return {
    mirror,
    refreshAgents: () => refreshSoon(),
    retryNow: () => stream.retryNow(),
    start(p) {
      if (stream.running) return
      publish = p
      stream.start()
      periodic = setInterval(() => {
        if (mirror.synced) void refreshNow()
      }, opts.agentRefreshMs ?? 60_000)
      periodic.unref?.()
    },
    stop() {
      stream.stop()
      mirror.desync()
      for (const t of [flushTimer, refreshTimer]) if (t) clearTimeout(t)
      if (periodic) clearInterval(periodic)
      flushTimer = refreshTimer = periodic = undefined
      again = false
      dirty.clear()
      publish = undefined
    },
  }
}
