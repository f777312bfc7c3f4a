/**
 * One task in detail (`GET /api/tasks/:id`) from its v1 Task (GET_TASKS: statuses with message,
 * reason and source, which v0 `/master/tasks` omits), the state-summary (agent hostname,
 * framework name), the Marathon app behind it (command) and its sandbox listing. Pure.
 */
import type { TaskDetailView, TaskPortView, TaskSandboxView, TaskStateName, TaskStatusView } from '@meridian/api'
import { TASK_STATE_NAMES } from '@meridian/api'
import type { MarathonApp } from '../../upstreams/marathon/index.ts'
import type { MesosStateSummary, V1GetTasks, V1Task, V1TaskStatus } from '../../upstreams/mesos/index.ts'
import { amountsFromV1 } from '../nodes/resources.ts'
import { marathonTaskHealthy } from '../services/service-detail.ts'

const KNOWN_STATES = new Set<string>(TASK_STATE_NAMES)
const stateName = (s: string): TaskStateName => (KNOWN_STATES.has(s) ? (s as TaskStateName) : 'TASK_UNKNOWN')
const ms = (seconds: number | undefined): number | null => (typeof seconds === 'number' ? Math.round(seconds * 1000) : null)

/** The task with this id among active, unreachable and completed tasks, or null. */
export function findV1Task(all: V1GetTasks, taskId: string): V1Task | null {
  for (const list of [all.tasks, all.unreachable_tasks, all.completed_tasks]) {
    const t = (list ?? []).find((x) => x.task_id.value === taskId)
    if (t) return t
  }
  return null
}

/**
 * The Marathon app id a task id encodes: Marathon names tasks `<safe app id>.<instance-uuid or
 * uuid>[._app.<n>]`, where the safe id joins path segments with `_` (app ids hold no `_`).
 */
export function marathonAppIdOf(taskId: string): string | null {
  const m = /^([a-z0-9][a-z0-9._-]*?)\.(?:instance-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\._app\.\d+)?$/.exec(taskId)
  return m?.[1] ? `/${m[1].replaceAll('_', '/')}` : null
}

/** What Marathon runs for an app: its `cmd`, else its `args`. */
export function commandOf(app: MarathonApp | null | undefined): string | null {
  if (!app) return null
  if (app.cmd) return app.cmd
  return app.args && app.args.length > 0 ? app.args.join(' ') : null
}

function toStatus(s: V1TaskStatus): TaskStatusView {
  return {
    state: stateName(s.state),
    timestamp: ms(s.timestamp),
    message: s.message || null,
    reason: s.reason ?? null,
    source: s.source ?? null,
    healthy: typeof s.healthy === 'boolean' ? s.healthy : null,
  }
}

/** Named DiscoveryInfo ports when the framework set them, else the host ports of the `ports` resource. */
function portsOf(t: V1Task): TaskPortView[] {
  const named = t.discovery?.ports?.ports ?? []
  if (named.length > 0) return named.map((p) => ({ number: p.number, name: p.name ?? null, protocol: p.protocol ?? 'tcp' }))
  const out: TaskPortView[] = []
  for (const r of t.resources ?? []) {
    if (r.name !== 'ports') continue
    for (const range of r.ranges?.range ?? []) for (let n = range.begin; n <= range.end && out.length < 100; n++) out.push({ number: n, name: null, protocol: 'tcp' })
  }
  return out
}

function containerOf(t: V1Task): TaskDetailView['container'] {
  const c = t.container
  if (!c) return null
  const image = c.docker?.image || c.mesos?.image?.docker?.name || c.mesos?.image?.appc?.name || null
  return { type: c.type ?? 'MESOS', image }
}

/**
 * The task's health check: Mesos-native (`health_check` in the TaskInfo) or, for Marathon's own
 * HTTP/TCP checks (which Mesos never sees), the app's first check.
 */
function healthCheckOf(t: V1Task, app: MarathonApp | null): TaskDetailView['healthCheck'] {
  const h = t.health_check
  if (!h) return marathonHealthCheckOf(app)
  const target = h.http ? `${h.http.scheme ?? 'http'} :${h.http.port ?? '?'}${h.http.path ?? '/'}` : h.tcp ? `tcp :${h.tcp.port ?? '?'}` : (h.command?.value ?? null)
  return { type: h.type ?? 'COMMAND', target, intervalSeconds: h.interval_seconds ?? null }
}

function marathonHealthCheckOf(app: MarathonApp | null): TaskDetailView['healthCheck'] {
  const hc = app?.healthChecks?.[0]
  if (typeof hc !== 'object' || hc === null) return null
  const c = hc as { protocol?: unknown; path?: unknown; portIndex?: unknown; port?: unknown; command?: { value?: unknown }; intervalSeconds?: unknown }
  const protocol = typeof c.protocol === 'string' ? c.protocol : 'HTTP'
  const port = typeof c.port === 'number' ? `:${c.port}` : typeof c.portIndex === 'number' ? ` port #${c.portIndex}` : ''
  const target = protocol.includes('HTTP') ? `${protocol.toLowerCase().replace('mesos_', '')}${port}${typeof c.path === 'string' ? c.path : '/'}` : protocol.includes('TCP') ? `tcp${port}` : typeof c.command?.value === 'string' ? c.command.value : null
  return { type: protocol, target, intervalSeconds: typeof c.intervalSeconds === 'number' ? c.intervalSeconds : null }
}

/** Builds `GET /api/tasks/:id`. */
export function toTaskDetail(t: V1Task, ctx: { summary: MesosStateSummary; app: MarathonApp | null; sandbox: TaskSandboxView }): TaskDetailView {
  const statuses = (t.statuses ?? []).map(toStatus).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
  const last = statuses.at(-1)
  const lastHealth = [...statuses].reverse().find((s) => s.healthy !== null)
  const framework = (ctx.summary.frameworks ?? []).find((f) => f.id === t.framework_id.value)
  const agent = (ctx.summary.slaves ?? []).find((a) => a.id === t.agent_id.value)
  const ips = (t.statuses?.at(-1)?.container_status?.network_infos ?? []).flatMap((n) => (n.ip_addresses ?? []).map((a) => a.ip_address ?? '')).filter((a) => a !== '')
  const serviceId = framework?.name === 'marathon' ? marathonAppIdOf(t.task_id.value) : null
  return {
    id: t.task_id.value,
    name: t.name,
    state: stateName(t.state),
    // Mesos carries the result of its own checks; Marathon's HTTP/TCP results only Marathon knows.
    healthy: lastHealth?.healthy ?? marathonTaskHealthy(ctx.app?.tasks?.find((x) => x.id === t.task_id.value)?.healthCheckResults),
    frameworkId: t.framework_id.value,
    frameworkName: framework?.name ?? null,
    serviceId,
    agentId: t.agent_id.value,
    host: agent?.hostname ?? null,
    executorId: t.executor_id?.value ?? null,
    resources: amountsFromV1(t.resources),
    ports: portsOf(t),
    ipAddresses: ips,
    container: containerOf(t),
    command: commandOf(ctx.app),
    healthCheck: healthCheckOf(t, ctx.app),
    labels: (t.labels?.labels ?? []).map((l) => ({ key: l.key, value: l.value ?? '' })),
    statuses,
    startedAt: statuses.find((s) => s.state === 'TASK_RUNNING')?.timestamp ?? null,
    updatedAt: last?.timestamp ?? null,
    sandbox: ctx.sandbox,
  }
}
