/**
 * The dcos-commons scheduler HTTP API (`/v1/plans`, `/v1/pod`, `/v1/endpoints`,
 * `/v1/configurations`, `/v1/state`, `/v1/health`) for one service. Errors are text/plain like
 * the SDK's (e.g. `Plan foo not found`).
 */
import { Hono, type Context } from 'hono'
import type { MesosMaster } from '../mesos/state/master.ts'
import { findPhase, findStep, planHttpStatus, planStatus, renderPlan, type Phase, type Plan, type Step } from './plan/plan-model.ts'
import { sdkTaskName } from './pod-instance.ts'
import type { SdkScheduler } from './sdk-scheduler.ts'
import { renderServiceSpec } from './service-spec-json.ts'

const text = (c: Context, body: string, status: 200 | 208 | 400 | 404 | 500): Response => c.text(body, status)
const message = (c: Context, msg: string): Response => c.json({ message: msg }, 200)

export function sdkRoutes(sched: SdkScheduler, master: MesosMaster): Hono {
  const app = new Hono()
  const plan = (c: Context): Plan | undefined => sched.plans().find((p) => p.name === c.req.param('plan'))
  const notFound = (c: Context): Response => text(c, `Plan ${c.req.param('plan')} not found`, 404)

  app.get('/v1/plans', (c) => c.json(sched.plans().map((p) => p.name)))
  app.get('/v1/plan', (c) => c.json(renderPlan(sched.deploy), planHttpStatus(sched.deploy)))
  app.get('/v1/plans/:plan', (c) => {
    const p = plan(c)
    return p ? c.json(renderPlan(p), planHttpStatus(p)) : notFound(c)
  })

  /** Resolves `phase`/`step` query parameters; a step without a phase is a 400. */
  const target = (c: Context, p: Plan): { phase?: Phase; step?: Step } | Response => {
    const phaseRef = c.req.query('phase')
    const stepRef = c.req.query('step')
    if (stepRef !== undefined && phaseRef === undefined) return text(c, 'Missing phase', 400)
    if (phaseRef === undefined) return {}
    const phase = findPhase(p, phaseRef)
    if (!phase) return text(c, `Phase ${phaseRef} not found`, 404)
    if (stepRef === undefined) return { phase }
    const step = findStep(phase, stepRef)
    return step ? { phase, step } : text(c, `Step ${stepRef} not found`, 404)
  }
  const stepsOf = (p: Plan, t: { phase?: Phase; step?: Step }): Step[] => (t.step ? [t.step] : t.phase ? t.phase.steps : p.phases.flatMap((ph) => ph.steps))
  const already = (c: Context): Response => text(c, 'Command has already been reported or completed', 208)

  app.post('/v1/plans/:plan/start', async (c) => {
    const p = plan(c)
    if (!p) return notFound(c)
    const raw = await c.req.text()
    let params: Record<string, unknown> = {}
    if (raw.trim() !== '') {
      try {
        params = JSON.parse(raw) as Record<string, unknown>
        if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new Error('not an object')
        const bad = Object.keys(params).find((k) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        if (bad !== undefined) throw new Error(`invalid parameter name ${bad}`)
      } catch (err) {
        return text(c, `Couldn't parse parameters: ${(err as Error).message}`, 400)
      }
    }
    if (planStatus(p) === 'COMPLETE') for (const s of stepsOf(p, {})) s.status = 'PENDING'
    p.interrupted = false
    for (const ph of p.phases) ph.interrupted = false
    return message(c, `Received cmd: start ${p.name} with parameters: ${JSON.stringify(params)}`)
  })

  app.post('/v1/plans/:plan/stop', (c) => {
    const p = plan(c)
    if (!p) return notFound(c)
    p.interrupted = true
    for (const s of stepsOf(p, {})) s.status = 'PENDING'
    return message(c, 'Received cmd: stop')
  })

  app.post('/v1/plans/:plan/continue', (c) => {
    const p = plan(c)
    if (!p) return notFound(c)
    const t = target(c, p)
    if (t instanceof Response) return t
    const el = t.phase ?? p
    if (!el.interrupted || planStatus(p) === 'COMPLETE') return already(c)
    el.interrupted = false
    return message(c, 'Received cmd: continue')
  })

  app.post('/v1/plans/:plan/interrupt', (c) => {
    const p = plan(c)
    if (!p) return notFound(c)
    const t = target(c, p)
    if (t instanceof Response) return t
    const el = t.phase ?? p
    if (el.interrupted || planStatus(p) === 'COMPLETE') return already(c)
    el.interrupted = true
    return message(c, 'Received cmd: interrupt')
  })

  app.post('/v1/plans/:plan/forceComplete', (c) => {
    const p = plan(c)
    if (!p) return notFound(c)
    const t = target(c, p)
    if (t instanceof Response) return t
    const steps = stepsOf(p, t)
    if (steps.every((s) => s.status === 'COMPLETE')) return already(c)
    for (const s of steps) s.status = 'COMPLETE'
    return message(c, `Received cmd: forceComplete for Plan: ${p.name}, Phase: ${t.phase?.name ?? 'null'}, Step: ${t.step?.name ?? 'null'}`)
  })

  app.post('/v1/plans/:plan/restart', (c) => {
    const p = plan(c)
    if (!p) return notFound(c)
    const t = target(c, p)
    if (t instanceof Response) return t
    const steps = stepsOf(p, t)
    if (steps.every((s) => s.status === 'PENDING')) return already(c)
    for (const s of steps) s.status = 'PENDING'
    return message(c, `Received cmd: restart for Plan: ${p.name}, Phase: ${t.phase?.name ?? 'null'}, Step: ${t.step?.name ?? 'null'}`)
  })

  // ---- pods ------------------------------------------------------------------------------
  const podStatus = (name: string): Record<string, unknown> | undefined => {
    const pod = sched.pods.get(name)
    const spec = pod && sched.podSpec(pod.type)
    if (!pod || !spec) return undefined
    const tasks = spec.tasks.flatMap((t) => {
      const task = sched.task(pod, t.name)
      return task ? [{ id: task.id, name: sdkTaskName(pod.name, t.name), status: task.state.replace(/^TASK_/, '') }] : []
    })
    return { name: pod.name, tasks }
  }
  const podNames = (): string[] => [...sched.pods.keys()].sort()

  app.get('/v1/pod', (c) => c.json(podNames()))
  app.get('/v1/pod/status', (c) => {
    const types = sched.spec.pods.map((ps) => ({ name: ps.type, instances: podNames().filter((n) => sched.pods.get(n)!.type === ps.type).map((n) => podStatus(n)) }))
    return c.json({ service: sched.spec.name, pods: types })
  })
  app.get('/v1/pod/:pod/status', (c) => {
    const s = podStatus(c.req.param('pod'))
    return s ? c.json(s) : text(c, `Pod ${c.req.param('pod')} not found`, 404)
  })
  app.get('/v1/pod/:pod/info', (c) => {
    const pod = sched.pods.get(c.req.param('pod'))
    const spec = pod && sched.podSpec(pod.type)
    if (!pod || !spec) return text(c, `Pod ${c.req.param('pod')} not found`, 404)
    return c.json(
      spec.tasks.flatMap((t) => {
        const task = sched.task(pod, t.name)
        if (!task) return []
        const last = task.statuses[task.statuses.length - 1]
        return [
          {
            info: {
              name: task.name,
              taskId: { value: task.id },
              slaveId: { value: task.agentId },
              resources: [
                { name: 'cpus', type: 'SCALAR', scalar: { value: task.resources.cpus }, role: sched.spec.role },
                { name: 'mem', type: 'SCALAR', scalar: { value: task.resources.mem }, role: sched.spec.role },
              ],
              labels: { labels: task.labels },
            },
            ...(last ? { status: { taskId: { value: task.id }, state: last.state, timestamp: last.timestamp, source: last.source } } : {}),
          },
        ]
      }),
    )
  })
  for (const action of ['restart', 'replace'] as const) {
    app.post(`/v1/pod/:pod/${action}`, (c) => {
      const tasks = sched.restartPod(c.req.param('pod'), action === 'replace')
      return tasks ? c.json({ pod: c.req.param('pod'), tasks }) : text(c, `Pod ${c.req.param('pod')} not found`, 404)
    })
  }

  // ---- endpoints -------------------------------------------------------------------------
  const portEndpoints = (): Map<string, Array<{ task: string; ip: string; port: number; vip?: string }>> => {
    const out = new Map<string, Array<{ task: string; ip: string; port: number; vip?: string }>>()
    for (const pod of sched.pods.values()) {
      const spec = sched.podSpec(pod.type)
      for (const t of spec?.tasks ?? []) {
        const task = sched.task(pod, t.name)
        t.ports.forEach((p, i) => {
          const list = out.get(p.name) ?? []
          out.set(p.name, list)
          const agent = task ? (master.agents.get(task.agentId) ?? master.goneAgents.get(task.agentId)) : undefined
          const port = task?.hostPorts[i]
          if (task && agent && port !== undefined && task.state === 'TASK_RUNNING') list.push({ task: task.name, ip: agent.ip, port, ...(p.vip ? { vip: p.vip } : {}) })
        })
      }
    }
    return out
  }
  app.get('/v1/endpoints', (c) => c.json([...new Set([...sched.spec.pods.flatMap((p) => p.tasks.flatMap((t) => t.ports.map((x) => x.name))), ...Object.keys(sched.spec.textEndpoints)])]))
  app.get('/v1/endpoints/:name', (c) => {
    const name = c.req.param('name')
    const custom = sched.spec.textEndpoints[name]
    if (custom !== undefined) return c.text(custom)
    const declared = sched.spec.pods.some((p) => p.tasks.some((t) => t.ports.some((x) => x.name === name)))
    if (!declared) return text(c, `Endpoint ${name} not found`, 404)
    const list = portEndpoints().get(name) ?? []
    const svc = sched.spec.name.replace(/^\//, '').replace(/\//g, '')
    const vip = list.find((e) => e.vip)?.vip
    return c.json({
      address: list.map((e) => `${e.ip}:${e.port}`),
      dns: list.map((e) => `${e.task}.${svc}.autoip.dcos.thisdcos.directory:${e.port}`),
      ...(vip ? { vip: `${vip.split(':')[0]}.${svc}.l4lb.thisdcos.directory:${vip.split(':')[1]}` } : {}),
    })
  })

  // ---- configurations, state, health ---------------------------------------------------
  app.get('/v1/configurations', (c) => c.json([...sched.configs.keys()]))
  app.get('/v1/configurations/targetId', (c) => c.json([sched.targetId]))
  app.get('/v1/configurations/target', (c) => c.json(renderServiceSpec(sched.spec)))
  app.get('/v1/configurations/:id', (c) => {
    const cfg = sched.configs.get(c.req.param('id'))
    return cfg ? c.json(renderServiceSpec(cfg.spec)) : text(c, `Configuration ${c.req.param('id')} not found`, 404)
  })
  app.get('/v1/state/frameworkId', (c) => c.json([sched.frameworkId]))
  app.get('/v1/health', (c) => c.body(null, sched.health() as 200))

  // Cassandra's SeedsResource: IPs of the configured seed tasks (node-0-server, node-1-server)
  // that are TASK_RUNNING; services without seeds have no such route (404 like Jersey).
  app.get('/v1/seeds', (c) => {
    const seeds = sched.spec.seeds
    if (!seeds) return text(c, 'HTTP 404 Not Found', 404)
    const ips: string[] = []
    for (let i = 0; i < seeds.count; i++) {
      const pod = sched.pods.get(`${seeds.pod}-${i}`)
      const task = pod ? sched.task(pod, seeds.task) : undefined
      const agent = task?.state === 'TASK_RUNNING' ? master.agents.get(task.agentId) : undefined
      if (agent) ips.push(agent.ip)
    }
    return c.json({ seeds: ips })
  })
  return app
}
