/**
 * Demo-control API (`/api/demo/...`): not an emulated upstream but a QA/fault-injection
 * surface. JSON in and out; errors are `{error: {kind, message}}` with 400 (bad input), 404
 * (unknown id) and 409 (not possible in the current state, e.g. advancing a realtime clock).
 *
 * Faults map onto the master's own transitions, so every consumer (v0, v1, SUBSCRIBE,
 * frameworks) sees what a real cluster would report:
 * - kill: the agent is removed for good → its tasks TASK_GONE (REASON_AGENT_REMOVED), AGENT_REMOVED.
 * - restart: the agent restarts without recovering its executors (host reboot) and
 *   re-registers under the same id → its tasks TASK_GONE with REASON_AGENT_RESTARTED.
 * - partition/heal: TASK_UNREACHABLE (REASON_AGENT_DISCONNECTED), then back to TASK_RUNNING
 *   through reconciliation when the agent re-registers.
 * - task fail: TASK_FAILED (REASON_COMMAND_EXECUTOR_FAILED, "Command exited with status 1").
 * - task kill: TASK_KILLING, then TASK_KILLED after the grace period.
 * - burst: `{ratePerSecond, seconds}` health flips of running Marathon tasks on the cluster
 *   clock (burst.ts); `GET /burst` reports progress. One burst at a time (409 while one runs).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { SimClock } from '../sim/clock.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import { TERMINAL_STATES } from '../mesos/state/types.ts'
import type { MarathonScheduler } from '../marathon/scheduler/marathon-scheduler.ts'
import { BurstRunner, parseBurst } from './burst.ts'

type Kind = 'ValidationFailed' | 'NotFound' | 'Conflict'
const STATUS: Record<Kind, 400 | 404 | 409> = { ValidationFailed: 400, NotFound: 404, Conflict: 409 }

const fail = (c: Context, kind: Kind, message: string) => c.json({ error: { kind, message } }, STATUS[kind])

export interface DemoControlOptions {
  master: MesosMaster
  clock: SimClock
  seed: number
  /** the embedded Marathon, whose running tasks a burst flips */
  marathon?: MarathonScheduler
}

export function createDemoControlApp({ master, clock, seed, marathon }: DemoControlOptions): Hono {
  const app = new Hono()
  const burst = new BurstRunner(
    clock,
    {
      candidates: () => {
        if (!marathon) return []
        const ids: string[] = []
        for (const [taskId, inst] of marathon.tracker.byTask) {
          if (inst.condition === 'Running' && (marathon.store.apps.get(inst.appId)?.healthChecks.length ?? 0) > 0) ids.push(taskId)
        }
        return ids
      },
      flip: (taskId) => marathon?.toggleHealth(taskId) ?? false,
    },
    seed,
  )
  const agentAction = (name: string, act: (id: string) => unknown, allowed: (status: string) => boolean, conflict: string) =>
    app.post(`/agents/:id/${name}`, (c) => {
      const id = c.req.param('id')
      const agent = master.agents.get(id)
      if (!agent) return fail(c, 'NotFound', `Agent '${id}' not found`)
      if (!allowed(agent.status)) return fail(c, 'Conflict', conflict.replace('{id}', id))
      act(id)
      return c.json({ agent: { id, status: master.agents.get(id)?.status ?? 'gone' } }, 200)
    })

  app.get('/state', (c) =>
    c.json(
      {
        seed,
        speed: clock.speed,
        clock: clock.mode,
        virtualTime: clock.now(),
        virtualTimeIso: clock.nowIso(),
        agents: master.agents.size,
        frameworks: master.frameworks.size,
        tasks: master.tasks.size,
      },
      200,
    ),
  )
  agentAction('kill', (id) => master.removeAgent(id), () => true, '')
  agentAction('restart', (id) => master.restartAgent(id), (s) => s === 'connected', "Agent '{id}' is not connected")
  agentAction('partition', (id) => master.partitionAgent(id), (s) => s === 'connected', "Agent '{id}' is already partitioned")
  agentAction('heal', (id) => master.reconnectAgent(id), (s) => s === 'unreachable', "Agent '{id}' is not partitioned")

  app.post('/tasks/:id/fail', (c) => {
    const id = c.req.param('id')
    const task = master.getTask(id)
    if (!task) return fail(c, 'NotFound', `Task '${id}' not found`)
    if (TERMINAL_STATES.has(task.state)) return fail(c, 'Conflict', `Task '${id}' is already ${task.state}`)
    if (task.state === 'TASK_UNREACHABLE') return fail(c, 'Conflict', `Task '${id}' is unreachable`)
    master.setTaskState(id, 'TASK_FAILED', { source: 'SOURCE_EXECUTOR', reason: 'REASON_COMMAND_EXECUTOR_FAILED', message: 'Command exited with status 1' })
    return c.json({ task: { id, state: task.state } }, 200)
  })
  app.post('/tasks/:id/kill', (c) => {
    const id = c.req.param('id')
    const task = master.getTask(id)
    if (!task) return fail(c, 'NotFound', `Task '${id}' not found`)
    if (TERMINAL_STATES.has(task.state)) return fail(c, 'Conflict', `Task '${id}' is already ${task.state}`)
    master.killTask(id)
    return c.json({ task: { id, state: task.state } }, 200)
  })

  app.get('/burst', (c) => c.json({ burst: burst.status() }, 200))
  app.post('/burst', async (c) => {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      return fail(c, 'ValidationFailed', 'Body must be JSON like {"ratePerSecond": 1000, "seconds": 10}')
    }
    const req = parseBurst(body)
    if (typeof req === 'string') return fail(c, 'ValidationFailed', req)
    const started = burst.start(req)
    if (started === 'busy') return fail(c, 'Conflict', 'A burst is already running')
    if (started === 'no-tasks') return fail(c, 'Conflict', 'No running Marathon task with a health check to update')
    return c.json({ burst: started }, 202)
  })

  app.post('/clock/advance', async (c) => {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      return fail(c, 'ValidationFailed', 'Body must be JSON like {"ms": 1000}')
    }
    const ms = (body as { ms?: unknown } | null)?.ms
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return fail(c, 'ValidationFailed', "'ms' must be a non-negative number")
    if (clock.mode !== 'manual') return fail(c, 'Conflict', 'The clock runs in realtime mode; it can only be advanced in manual mode')
    clock.advance(ms)
    return c.json({ virtualTime: clock.now(), virtualTimeIso: clock.nowIso() }, 200)
  })
  return app
}
