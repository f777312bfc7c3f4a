/**
 * One cluster size: a fresh cluster process and a fresh BFF process, then the measurements in a
 * fixed order (quiet phases before loaded ones), the BFF's memory sampled every second.
 */
import path from 'node:path'
import { loginWhenReady, openSse } from './bff-client.ts'
import { browserMetrics } from './browser-adapter.ts'
import { measureChangeToDelta, runningTasks } from './measure-change.ts'
import { measureClusterCost } from './measure-cluster-cost.ts'
import { measureIdleTraffic } from './measure-idle.ts'
import { measureView, warmUp } from './measure-views.ts'
import { freePort, rssMb, startChild, waitForLine, type Child } from './processes.ts'
import type { PhaseSettings, SizeResult } from './result-types.ts'
import { round } from './stats.ts'

export interface SizeOptions {
  root: string
  agents: number
  /** views: requests per view after 10 warm-up requests, with a per-view time budget; the other windows */
  phases: PhaseSettings
  browser: boolean
  /** directory for the cluster's and the BFF's full stdout/stderr (`<agents>-cluster.log`, `<agents>-bff.log`) */
  logDir: string
  log: (m: string) => void
}

const VIEWS = ['services', 'nodes', 'dashboard'] as const

/** Runs one measurement; a failure becomes an error line and the fallback value. */
async function attempt<T>(errors: string[], name: string, fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    errors.push(`${name}: ${(err as Error).message.split('\n')[0]}`)
    return fallback
  }
}
const NONE = { n: 0, p50: Number.NaN, p95: Number.NaN, max: Number.NaN }

export async function runSize(o: SizeOptions): Promise<{ result: SizeResult; browserRaw?: unknown }> {
  const errors: string[] = []
  const notes: string[] = []
  const p = o.phases
  const clusterPort = await freePort()
  const bffPort = await freePort()
  const clusterUrl = `http://127.0.0.1:${clusterPort}`
  const baseUrl = `http://127.0.0.1:${bffPort}`
  const children: Child[] = []
  let sampler: ReturnType<typeof setInterval> | undefined
  try {
    o.log(`cluster: ${o.agents} agents, ${o.agents} services × 10 instances`)
    const cluster = startChild('cluster', process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', 'packages/cluster/src/serve-main.ts'], {
      MERIDIAN_CLUSTER_PORT: String(clusterPort),
      MERIDIAN_DEMO_AGENTS: String(o.agents),
      MERIDIAN_DEMO_SERVICES: String(o.agents),
      MERIDIAN_DEMO_INSTANCES: '10',
      MERIDIAN_DEMO_SEED: '42',
      MERIDIAN_DEMO_SPEED: '1',
    }, o.root, path.join(o.logDir, `${o.agents}-cluster.log`))
    children.push(cluster)
    const ready = await waitForLine(cluster, (l) => (l.startsWith('{"listening"') ? (JSON.parse(l) as { seedMs: number; tasks: number }) : undefined), 300_000)
    o.log(`cluster: ${ready.tasks} tasks seeded in ${ready.seedMs} ms`)

    const bffStart = performance.now()
    const preload = path.join(o.root, 'bench/lib/upstream-errors-preload.mjs')
    // Started like `npm start` starts it in front of a real cluster (heap cap included).
    const bff = startChild('bff', 'bash', [path.join(o.root, 'apps/bff/bin/serve.sh'), '--import', preload], {
      PORT: String(bffPort),
      HOST: '127.0.0.1',
      DCOS_URL: clusterUrl,
      NODE_ENV: 'production',
      // serve.sh runs `node` from PATH: make it the node running the bench (the one the report names).
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    }, path.join(o.root, 'apps/bff'), path.join(o.logDir, `${o.agents}-bff.log`))
    children.push(bff)
    const heapLimit = await waitForLine(bff, (l) => (l.includes('Meridian on') ? Number(/V8 heap limit (\d+) MB/.exec(l)?.[1] ?? Number.NaN) : undefined), 60_000)
    const rss: number[] = []
    const maxByPhase: Record<string, number> = {}
    let phase = 'startup'
    const enter = (name: string, message: string) => {
      phase = name
      o.log(message)
    }
    sampler = setInterval(() => {
      try {
        const mb = rssMb(bff.pid)
        rss.push(mb)
        maxByPhase[phase] = Math.max(maxByPhase[phase] ?? 0, Math.round(mb))
      } catch {
        // exited; the next request reports it
      }
    }, 1000)
    const session = await loginWhenReady(baseUrl, 180_000)
    const events = await openSse(session, '/api/events')

    enter('warm-up', 'warm-up: 10 requests per view')
    errors.push(...(await warmUp(session, VIEWS.map((v) => `/api/${v}`), 10)))
    const bffReadyMs = performance.now() - bffStart
    const afterWarmup = rssMb(bff.pid)

    enter('cluster cost', `cluster cost: ${p.costWindowMs / 1000} s quiet window`)
    const clusterCost = await attempt(errors, 'cluster cost', () => measureClusterCost(clusterUrl, cluster.pid, p.costWindowMs), { cpuMs: Number.NaN, simulatedSeconds: Number.NaN, cpuMsPerSimulatedSecond: Number.NaN })

    enter('idle', `idle traffic vs polling /mesos/master/state: ${p.idleWindowMs / 1000} s`)
    const idle = await attempt(errors, 'idle traffic', () => measureIdleTraffic(session, clusterUrl, p.idleWindowMs), { windowSeconds: 0, sseBytesPerMinute: Number.NaN, sseEvents: 0, pollBytesPerMinute: Number.NaN, polls: 0, stateBytes: 0, pollLatency: NONE, ratio: Number.NaN })

    const latency = {} as SizeResult['latency']
    for (const v of VIEWS) {
      enter('views', `latency: GET /api/${v}`)
      latency[v] = await measureView(session, `/api/${v}`, { requests: p.viewRequests, budgetMs: p.viewBudgetMs, minRequests: 30 })
      if (latency[v].failed > 0) errors.push(`GET /api/${v}: ${latency[v].failed} of ${latency[v].failed + latency[v].n} failed, first: ${latency[v].firstError}`)
    }

    enter('change → delta', `change → delta: ${p.changeSamples} task failures`)
    const changeToDelta = await attempt(
      errors,
      'change → delta',
      async () => {
        const ids = await runningTasks(clusterUrl, p.changeSamples)
        const c = await measureChangeToDelta(clusterUrl, events, ids, { gapMs: 250, timeoutMs: 10_000, giveUpAfterMisses: 3 })
        if (c.attempted < ids.length) errors.push(`change → delta: gave up after 3 misses in a row (${c.attempted} of ${ids.length} task failures sent)`)
        return c
      },
      { ...NONE, missed: 0, attempted: 0, post: NONE, samplesMs: [] },
    )

    const afterLoad = rssMb(bff.pid)

    let browser: SizeResult['browser']
    let browserRaw: unknown
    if (o.browser) {
      phase = 'browser'
      // One retry: a transient BFF → cluster failure on the login POST (not retried by the BFF,
      // unlike GETs) would otherwise cost every browser row. The first failure stays in the notes.
      for (let attemptNo = 1; attemptNo <= 2 && !browser; attemptNo++) {
        try {
          const b = await browserMetrics({ baseUrl, clusterUrl, burst: { ratePerSecond: 1000, seconds: 10 }, log: o.log })
          browser = b.summary
          browserRaw = b.raw
          for (const r of [b.summary.burst?.nodes, b.summary.burst?.services]) if (r && !r.burstEndpoint) errors.push(`burst on ${r.page}: the cluster has no POST /api/demo/burst, so the window saw normal traffic only (target not checked)`)
        } catch (err) {
          const msg = (err as Error).message.split('\n')[0]!
          o.log(`browser attempt ${attemptNo} failed: ${msg}`)
          if (attemptNo === 2 || !/HTTP 5\d\d/.test(msg)) errors.push(`browser metrics: ${msg}`)
          else notes.push(`browser metrics, first attempt: ${msg} (see ${o.agents}-bff.log); retried`)
        }
      }
    }
    events.close()
    clearInterval(sampler)
    // A child that died mid-run explains the failures above it.
    for (const c of [cluster, bff]) if (c.proc.exitCode !== null || c.proc.signalCode !== null) errors.push(`process exited mid-run (${c.proc.exitCode ?? c.proc.signalCode}): ${c.tail().split('\n').slice(-5).join(' | ')}`)
    rss.push(afterWarmup, afterLoad, rssMb(bff.pid))
    const result: SizeResult = {
      agents: o.agents,
      services: o.agents,
      tasks: ready.tasks,
      clusterSeedMs: ready.seedMs,
      bffReadyMs: Math.round(bffReadyMs),
      bffRssMb: { afterWarmup: round(afterWarmup, 0), afterLoad: round(afterLoad, 0), max: round(Math.max(...rss), 0), maxByPhase, ...(Number.isFinite(heapLimit) ? { heapLimit } : {}) },
      latency,
      changeToDelta,
      idle,
      clusterCost,
      ...(browser ? { browser } : {}),
      phases: p,
      logTail: { cluster: cluster.tail(), bff: bff.tail() },
      notes,
      errors,
    }
    return { result, ...(browserRaw !== undefined ? { browserRaw } : {}) }
  } finally {
    if (sampler) clearInterval(sampler)
    for (const c of children.reverse()) await c.stop()
  }
}
