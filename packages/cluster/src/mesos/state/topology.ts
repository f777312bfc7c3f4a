/**
 * Generates the demo cluster's agents from a seed: a few public agents (DC/OS `slave_public`
 * role), the rest private, spread over two zones of one region, with the port ranges DC/OS
 * gives its agents. Same seed and count, same agents.
 */
import type { SeededRandom } from '../../sim/random.ts'
import type { PortRange } from '../../sim/resources.ts'
import type { MesosMaster } from './master.ts'
import type { SimAgent } from './types.ts'

/** DC/OS private agents leave out the ports its own services use. */
const PRIVATE_PORTS: PortRange[] = [
  { begin: 1025, end: 2180 },
  { begin: 2182, end: 3887 },
  { begin: 3889, end: 5049 },
  { begin: 5052, end: 8079 },
  { begin: 8082, end: 8180 },
  { begin: 8182, end: 32000 },
]
const PUBLIC_PORTS: PortRange[] = [
  { begin: 1, end: 21 },
  { begin: 23, end: 5050 },
  { begin: 5052, end: 32000 },
]

const SHAPES = [
  { cpus: 4, mem: 14895, disk: 35164 },
  { cpus: 8, mem: 30000, disk: 71000 },
  { cpus: 16, mem: 62000, disk: 143000 },
] as const

export const DEMO_REGION = 'aws/us-west-2'
export const DEMO_ZONES = ['aws/us-west-2a', 'aws/us-west-2b'] as const

export function publicAgentCount(total: number): number {
  if (total <= 1) return 0
  return Math.max(1, Math.round(total * 0.2))
}

export function seedAgents(master: MesosMaster, random: SeededRandom, count: number): SimAgent[] {
  const publicCount = publicAgentCount(count)
  const agents: SimAgent[] = []
  for (let i = 0; i < count; i++) {
    const isPublic = i < publicCount
    const zone = DEMO_ZONES[i % DEMO_ZONES.length]!
    // 10.0.<block>.<host>: private agents from 10.0.1.x, public ones from 10.0.5.x (like DC/OS on AWS)
    const base = isPublic ? 5 : 1
    const n = isPublic ? i : i - publicCount
    const ip = `10.0.${base + Math.floor(n / 250)}.${(n % 250) + 4}`
    const shape = isPublic ? SHAPES[0] : random.pick(SHAPES)
    const gpus = !isPublic && count >= 5 && i === count - 1 ? 2 : 0
    agents.push(
      master.addAgent({
        id: master.nextAgentId(),
        hostname: ip,
        ip,
        port: 5051,
        public: isPublic,
        role: isPublic ? 'slave_public' : '*',
        region: DEMO_REGION,
        zone,
        attributes: isPublic ? { public_ip: 'true' } : { rack: `rack-${(n % 4) + 1}`, ...(gpus ? { gpu: 'true' } : {}) },
        total: { ...shape, gpus, ports: (isPublic ? PUBLIC_PORTS : PRIVATE_PORTS).map((r) => ({ ...r })) },
      }),
    )
  }
  return agents
}
