/**
 * The load profile (`MERIDIAN_DEMO_SERVICES`, `MERIDIAN_DEMO_INSTANCES`): N small Marathon apps
 * in nested groups (`/bench/g000/app00001`, ten apps per group) whose instances already run
 * when the cluster starts, spread round-robin over the private agents (what Marathon's default
 * `acceptedResourceRoles: ["*"]` can use), consecutive instances of an app on distinct agents.
 * `pnpm bench` runs 1,000 agents × 10 tasks this way; 100,000 tasks seed in a few seconds because
 * nothing waits for offer rounds or startup (see MarathonScheduler.seedRunningApp).
 */
import type { SimAgent } from '../../mesos/state/types.ts'
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'

export interface LoadProfile {
  services: number
  instancesPerService: number
}

export interface SeededLoad {
  apps: number
  tasks: number
  /** instances no agent could take at once (left to the offer rounds) */
  declined: number
}

const APPS_PER_GROUP = 10

/** `/bench/g000/app00001` for the 0-based app index `i` of `total` apps. */
export function loadProfileAppId(i: number, total: number): string {
  const groups = Math.ceil(total / APPS_PER_GROUP)
  const gWidth = Math.max(3, String(groups - 1).length)
  const aWidth = Math.max(5, String(total).length)
  return `/bench/g${String(Math.floor(i / APPS_PER_GROUP)).padStart(gWidth, '0')}/app${String(i + 1).padStart(aWidth, '0')}`
}

/** A small app with a Mesos-native command health check (so health flips reach Mesos too). */
export function loadProfileApp(id: string, instances: number): Record<string, unknown> & { id: string } {
  return {
    id,
    instances,
    cpus: 0.1,
    mem: 128,
    disk: 0,
    cmd: 'sleep 86400',
    portDefinitions: [],
    healthChecks: [{ protocol: 'COMMAND', command: { value: 'test -f /tmp/ready' }, gracePeriodSeconds: 60, intervalSeconds: 30, timeoutSeconds: 10, maxConsecutiveFailures: 0, delaySeconds: 5 }],
    labels: { MERIDIAN_LOAD_PROFILE: 'true' },
  }
}

export function seedLoadProfile(marathon: MarathonScheduler, agents: readonly SimAgent[], profile: LoadProfile): SeededLoad {
  const pool = agents.filter((a) => a.role === '*' && marathon.master.isOfferable(a))
  const out: SeededLoad = { apps: 0, tasks: 0, declined: 0 }
  if (pool.length === 0 || profile.services <= 0) return out
  let next = 0
  for (let i = 0; i < profile.services; i++) {
    const placement: SimAgent[] = []
    for (let k = 0; k < profile.instancesPerService; k++) placement.push(pool[next++ % pool.length]!)
    const { declined } = marathon.seedRunningApp(loadProfileApp(loadProfileAppId(i, profile.services), profile.instancesPerService), placement)
    out.apps++
    out.tasks += profile.instancesPerService - declined
    out.declined += declined
  }
  return out
}
