/**
 * The leading Mesos master's HTTP endpoints as Hono routes, mounted by the cluster under
 * `/mesos` (Admin Router strips the prefix). Each `/master/<name>` route also answers at
 * `/<name>` (libprocess delegates un-prefixed paths to the master) and, for the state family,
 * at the legacy `.json` spelling.
 *
 * Read-only endpoints (state, state-summary, slaves, frameworks, tasks, metrics) do not check
 * the method in Mesos, so neither do we; endpoints whose handlers check it (maintenance,
 * machine down/up, /api/v1) answer 405 with `Allow`.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type { SimClock } from '../../sim/clock.ts'
import { browseV0, readV0 } from '../sandbox/files-api.ts'
import { masterFileTree } from '../sandbox/file-tree.ts'
import type { MesosMaster } from '../state/master.ts'
import { clusterStatusJson, parseMachineList, parseSchedule, scheduleJson, startMaintenance, stopMaintenance, updateSchedule } from './maintenance.ts'
import { BUILD } from './master-info.ts'
import { masterOperatorApi } from './master-operator-api.ts'
import { metricsSnapshot } from './metrics.ts'
import { emptyOk, jsonResponse, methodNotAllowed, plain } from './plain-responses.ts'
import { composite, jsonStreamResponse, RawJsonArray } from './raw-json.ts'
import { agentFullV0, frameworkFullV0, stateSummaryV0, stateV0, taskV0Json } from './render-v0.ts'
import { TaskIndex } from './task-index.ts'
import { selectTasks } from './tasks-query.ts'

type Handler = (c: Context) => Response | Promise<Response>

/** `/master/x`, `/x` and optionally `/master/x.json`, `/x.json`. */
function aliases(name: string, legacyJson = false): string[] {
  const base = [`/master/${name}`, `/${name}`]
  return legacyJson ? [...base, ...base.map((p) => `${p}.json`)] : base
}

/** Parses a request body as JSON the way stout's JSON::parse reports errors. */
async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text()
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (err) {
    return { ok: false, response: plain(400, (err as Error).message) }
  }
}

export function createMasterApp(master: MesosMaster, clock: SimClock): Hono {
  const app = new Hono()
  const on = (paths: string[], handler: Handler, methods?: readonly string[]) => {
    for (const p of paths) {
      app.all(p, (c) => (methods && !methods.includes(c.req.method) ? methodNotAllowed(methods, c.req.method) : handler(c)))
    }
  }

  // Streamed and spliced from cached task JSON (raw-json.ts, render-cache.ts).
  on(aliases('state', true), () => jsonStreamResponse(stateV0(master)))
  on(aliases('state-summary', true), () => jsonStreamResponse(stateSummaryV0(master)))
  on(aliases('slaves', true), (c) => {
    const slaveId = c.req.query('slave_id')
    const agents = [...master.agents.values()].filter((a) => a.status === 'connected' && (slaveId === undefined || a.id === slaveId))
    return jsonResponse({ slaves: agents.map(agentFullV0), recovered_slaves: [] })
  })
  on(aliases('frameworks', true), (c) => {
    const fwId = c.req.query('framework_id')
    const index = new TaskIndex(master)
    const pick = (m: Map<string, Parameters<typeof frameworkFullV0>[1]>) => [...m.values()].filter((f) => fwId === undefined || f.id === fwId).map((f) => frameworkFullV0(master, f, index))
    return jsonStreamResponse(composite({ frameworks: composite(pick(master.frameworks)), completed_frameworks: composite(pick(master.completedFrameworks)), unregistered_frameworks: [] }))
  })
  on(aliases('tasks', true), (c) => jsonStreamResponse(composite({ tasks: new RawJsonArray(selectTasks(master, c.req.query()).map(taskV0Json)) })))
  on(aliases('health'), () => new Response(null, { status: 200 }))
  on(['/version'], () => jsonResponse(BUILD))
  on(['/metrics/snapshot'], () => jsonResponse(metricsSnapshot(master)))

  on(aliases('maintenance/schedule'), async (c) => {
    if (c.req.method === 'GET') return jsonResponse(scheduleJson(master))
    const body = await readJson(c)
    if (!body.ok) return body.response
    const schedule = parseSchedule(body.value)
    if (!schedule.ok) return plain(400, schedule.message)
    const r = updateSchedule(master, schedule.value)
    return r.ok ? emptyOk() : plain(400, r.message)
  }, ['GET', 'POST'])
  on(aliases('maintenance/status'), () => jsonResponse(clusterStatusJson(master)), ['GET'])
  for (const [name, apply] of [['machine/down', startMaintenance], ['machine/up', stopMaintenance]] as const) {
    on(aliases(name), async (c) => {
      const body = await readJson(c)
      if (!body.ok) return body.response
      const ids = parseMachineList(body.value)
      if (!ids.ok) return plain(400, ids.message)
      const r = apply(master, ids.value)
      return r.ok ? emptyOk() : plain(400, r.message)
    }, ['POST'])
  }

  const files = masterFileTree(master)
  on(['/files/browse', '/files/browse.json'], (c) => {
    const r = browseV0(files, c.req.query('path'))
    return r.ok ? jsonResponse(r.value) : plain(r.status, r.message)
  })
  on(['/files/read', '/files/read.json'], (c) => {
    const r = readV0(files, c.req.query())
    return r.ok ? jsonResponse(r.value) : plain(r.status, r.message)
  })

  on(['/api/v1', '/master/api/v1'], (c) => masterOperatorApi(c.req.raw, master, clock))
  return app
}
