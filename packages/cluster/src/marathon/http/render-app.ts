/**
 * Renders apps and tasks into Marathon's wire JSON: App (field order as Marathon writes
 * it), AppInfo extras (counts, deployments, tasks, lastTaskFailure, readiness, taskStats)
 * and the Task JSON shared by `/v2/tasks`, `/v2/apps/{id}/tasks` and embeds.
 */
import type { MarathonApp } from '../model/app-types.ts'
import { servicePorts } from '../model/app-types.ts'
import { healthResultJson } from '../scheduler/health-sim.ts'
import type { Instance } from '../scheduler/instance.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'

/** Embed names reduced to their last segment: `apps.tasks`, `app.tasks`, `group.apps.tasks` → `tasks`. */
export function appEmbeds(values: string[]): Set<string> {
  const out = new Set<string>()
  for (const v of values) {
    const last = v.split('.').pop() ?? ''
    if (last === 'failures') out.add('lastTaskFailure').add('tasks')
    else out.add(last)
  }
  return out
}

export function appJson(app: MarathonApp): Record<string, unknown> {
  const { id, cmd, args, user, container, acceptedResourceRoles, residency, taskKillGracePeriodSeconds, tty, ...rest } = app
  return {
    id,
    ...(acceptedResourceRoles ? { acceptedResourceRoles } : {}),
    ...(args !== undefined ? { args } : {}),
    backoffFactor: rest.backoffFactor,
    backoffSeconds: rest.backoffSeconds,
    ...(cmd !== undefined ? { cmd } : {}),
    constraints: rest.constraints,
    ...(container ? { container } : {}),
    cpus: rest.cpus,
    dependencies: rest.dependencies,
    disk: rest.disk,
    env: rest.env,
    executor: rest.executor,
    fetch: rest.fetch,
    healthChecks: rest.healthChecks,
    instances: rest.instances,
    labels: rest.labels,
    maxLaunchDelaySeconds: rest.maxLaunchDelaySeconds,
    mem: rest.mem,
    gpus: rest.gpus,
    networks: rest.networks,
    portDefinitions: rest.portDefinitions,
    readinessChecks: rest.readinessChecks,
    requirePorts: rest.requirePorts,
    ...(residency ? { residency } : {}),
    secrets: rest.secrets,
    ...(taskKillGracePeriodSeconds !== undefined ? { taskKillGracePeriodSeconds } : {}),
    ...(tty !== undefined ? { tty } : {}),
    upgradeStrategy: rest.upgradeStrategy,
    ...(user !== undefined ? { user } : {}),
    version: rest.version,
    versionInfo: rest.versionInfo,
    killSelection: rest.killSelection,
    unreachableStrategy: rest.unreachableStrategy,
    role: rest.role,
  }
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString())

/** Marathon Task JSON for an instance that has a task. */
export function taskJson(m: MarathonScheduler, inst: Instance): Record<string, unknown> {
  const app = m.store.apps.get(inst.appId)
  const task = inst.taskId ? m.master.getTask(inst.taskId) : undefined
  const agent = inst.agentId ? (m.master.agents.get(inst.agentId) ?? m.master.goneAgents.get(inst.agentId)) : undefined
  return {
    appId: inst.appId,
    healthCheckResults: app && inst.health ? app.healthChecks.slice(0, 1).map((h) => healthResultJson(inst, h, m.clock.now())) : [],
    host: inst.host ?? '',
    id: inst.taskId,
    ipAddresses: agent ? [{ ipAddress: agent.ip, protocol: 'IPv4' }] : [],
    ports: inst.hostPorts,
    servicePorts: app ? servicePorts(app) : [],
    slaveId: inst.agentId ?? null,
    state: task?.state ?? 'TASK_STAGING',
    stagedAt: iso(inst.stagedAt),
    startedAt: iso(inst.startedAt),
    version: inst.version,
    localVolumes: (inst.localVolumes ?? []).map((v) => ({ runSpecId: inst.appId, containerPath: v.containerPath, uuid: v.persistenceId.split('#').pop(), persistenceId: v.persistenceId })),
    ...(agent ? { region: agent.region, zone: agent.zone } : {}),
    role: task?.role ?? app?.role ?? '*',
  }
}

export function launchedInstances(m: MarathonScheduler, appId: string): Instance[] {
  return m.tracker.instancesOf(appId).filter((i) => i.taskId !== undefined && i.condition !== 'Scheduled')
}

interface Counts {
  staged: number
  running: number
  healthy: number
  unhealthy: number
}

function countsOf(app: MarathonApp, list: Instance[]): Counts {
  const c = { staged: 0, running: 0, healthy: 0, unhealthy: 0 }
  for (const i of list) {
    if (i.condition === 'Staging' || i.condition === 'Starting') c.staged++
    if (i.condition === 'Running') {
      c.running++
      if (app.healthChecks.length > 0 && i.health?.alive === true) c.healthy++
      if (app.healthChecks.length > 0 && i.health?.alive === false) c.unhealthy++
    }
  }
  return c
}

function statsJson(app: MarathonApp, list: Instance[], now: number): Record<string, unknown> | undefined {
  if (list.length === 0) return undefined
  const lifetimes = list.flatMap((i) => (i.startedAt !== undefined ? [(now - i.startedAt) / 1000] : [])).sort((a, b) => a - b)
  const median = lifetimes.length === 0 ? 0 : lifetimes.length % 2 ? lifetimes[(lifetimes.length - 1) / 2]! : (lifetimes[lifetimes.length / 2 - 1]! + lifetimes[lifetimes.length / 2]!) / 2
  return {
    stats: {
      counts: countsOf(app, list),
      ...(lifetimes.length > 0 ? { lifeTime: { averageSeconds: lifetimes.reduce((s, x) => s + x, 0) / lifetimes.length, medianSeconds: median } } : {}),
    },
  }
}

/** AppInfo: the app plus the status fields selected by `embed`. */
export function appInfoJson(m: MarathonScheduler, app: MarathonApp, embed: Set<string>): Record<string, unknown> {
  const list = launchedInstances(m, app.id)
  const counts = countsOf(app, list)
  const out: Record<string, unknown> = {
    ...appJson(app),
    tasksStaged: counts.staged,
    tasksRunning: counts.running,
    tasksHealthy: counts.healthy,
    tasksUnhealthy: counts.unhealthy,
    deployments: m.deployments.conflicting([app.id]).map((d) => ({ id: d.id })),
  }
  if (embed.has('readiness')) {
    out.readinessCheckResults = app.readinessChecks.flatMap((rc) =>
      list.filter((i) => i.condition === 'Running').map((i) => ({ name: rc.name, taskId: i.taskId, ready: i.ready, lastResponse: null })),
    )
  }
  if (embed.has('tasks')) out.tasks = list.map((i) => taskJson(m, i))
  const failure = m.tracker.lastFailure.get(app.id)
  if (embed.has('lastTaskFailure') && failure) out.lastTaskFailure = failure
  if (embed.has('taskStats')) {
    const now = m.clock.now()
    const scaledAt = Date.parse(app.versionInfo.lastScalingAt)
    const stats = {
      startedAfterLastScaling: statsJson(app, list.filter((i) => (i.stagedAt ?? 0) >= scaledAt), now),
      withLatestConfig: statsJson(app, list.filter((i) => i.configVersion === app.versionInfo.lastConfigChangeAt), now),
      withOutdatedConfig: statsJson(app, list.filter((i) => i.configVersion !== app.versionInfo.lastConfigChangeAt), now),
      totalSummary: statsJson(app, list, now),
    }
    out.taskStats = Object.fromEntries(Object.entries(stats).filter(([, v]) => v !== undefined))
  }
  return out
}
