/**
 * Picks an agent whose offer would fit a job run, the way Metronome's launch queue matches
 * offers: role `*` resources only (public agents' resources belong to `slave_public`), scalar
 * resources must fit, and placement constraints must hold (IS = equal, LIKE/UNLIKE = regex
 * full match / no match; `hostname` is the agent's hostname, other attributes come from the
 * agent's attributes).
 */
import { missingScalars } from '../../sim/resources.ts'
import type { MesosMaster } from '../../mesos/state/master.ts'
import type { SimAgent } from '../../mesos/state/types.ts'
import type { ConstraintSpec, JobRunSpec } from '../model/types.ts'

function attributeOf(agent: SimAgent, name: string): string | undefined {
  if (name === 'hostname') return agent.hostname
  const v = agent.attributes[name]
  return v === undefined ? undefined : String(v)
}

const regexCache = new Map<string, RegExp | null>()
function fullMatch(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern)
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`)
    } catch {
      re = null
    }
    regexCache.set(pattern, re)
  }
  return re !== null && re.test(value)
}

export function satisfies(agent: SimAgent, constraints: readonly ConstraintSpec[]): boolean {
  for (const c of constraints) {
    const actual = attributeOf(agent, c.attribute)
    switch (c.operator) {
      case 'IS':
        if (actual === undefined || actual !== (c.value ?? '')) return false
        break
      case 'LIKE':
        if (actual === undefined || !fullMatch(c.value ?? '', actual)) return false
        break
      case 'UNLIKE':
        if (actual !== undefined && fullMatch(c.value ?? '', actual)) return false
        break
    }
  }
  return true
}

/**
 * First fitting agent, scanning from `start` (round robin spreads runs across the cluster).
 * O(agents) per launch attempt; attempts happen once per offer cycle per queued run.
 */
export function findAgent(master: MesosMaster, run: JobRunSpec, start: number): SimAgent | undefined {
  const agents = master.offerableAgents()
  const need = { cpus: run.cpus, mem: run.mem, disk: run.disk, gpus: run.gpus }
  for (let i = 0; i < agents.length; i++) {
    const agent = agents[(start + i) % agents.length]!
    if (agent.role !== '*') continue
    if (!satisfies(agent, run.placement.constraints)) continue
    if (missingScalars(need, master.unreservedAvailable(agent)).length === 0) return agent
  }
  return undefined
}
