/**
 * The embedded demo cluster: one simulated clock and seed, a Mesos master with its agents, and
 * the frameworks that run on it, all served over their real wire APIs under DC/OS Admin
 * Router paths by one Hono app.
 */
import { Hono } from 'hono'
import { SimClock } from './sim/clock.ts'
import { SeededRandom } from './sim/random.ts'
import { MesosMaster } from './mesos/state/master.ts'
import { seedAgents } from './mesos/state/topology.ts'
import { createMarathon } from './marathon/index.ts'
import { seedDemoApps } from './marathon/demo/demo-apps.ts'
import { seedLoadProfile } from './marathon/demo/load-profile.ts'
import { mountMesos } from './mesos/http/mount-mesos.ts'
import { createDemoControlApp } from './demo-control/demo-control-app.ts'
import { StreamFaults } from './demo-control/stream-faults.ts'
import { createCosmos } from './cosmos/cosmos-app.ts'
import { SdkServiceManager } from './sdk/sdk-manager.ts'
import { createMetronome, mountMetronome } from './metronome/metronome.ts'
import { mountIam } from './iam/mount-iam.ts'
import { serviceFallback } from './admin-router/service-routing.ts'
import { systemRoutes } from './system/system-routes.ts'

/** The fixed virtual start of manual-clock (test) clusters. */
export const DEMO_EPOCH = Date.UTC(2026, 10, 25, 12, 0, 0)

export interface ClusterOptions {
  /** seed of the random source (MERIDIAN_DEMO_SEED) */
  seed?: number
  /** number of agents (MERIDIAN_DEMO_AGENTS) */
  agents?: number
  /** virtual ms per wall ms (MERIDIAN_DEMO_SPEED) */
  speed?: number
  /** manual: time moves only through clock.advance() (tests) */
  clock?: 'realtime' | 'manual'
  /** virtual start time, ms since epoch */
  start?: number
  /** let package/repository/add read file: URIs (tests; a served demo only takes http(s)) */
  allowFileRepositories?: boolean
  /** skip the demo services and jobs (tests that want an empty cluster) */
  empty?: boolean
  /** Admin Router paths need `Authorization: token=<jwt>` from /acs/api/v1/auth/login (MERIDIAN_DEMO_REQUIRE_AUTH=1) */
  requireAuth?: boolean
  /** load profile: this many Marathon apps under /bench, already running at start (MERIDIAN_DEMO_SERVICES) */
  services?: number
  /** instances of each load-profile app (MERIDIAN_DEMO_INSTANCES, default 10) */
  instancesPerService?: number
}

export interface EmbeddedCluster {
  clock: SimClock
  random: SeededRandom
  master: MesosMaster
  /** Serves /mesos, /agent, /marathon, /service/..., /package, /cosmos and /api/demo. */
  app: Hono
  close(): void
}

/** Upper bounds of the load profile (200,000 tasks at most). */
export const MAX_LOAD_SERVICES = 20_000
export const MAX_LOAD_INSTANCES = 100

/** Reads the documented MERIDIAN_DEMO_* variables. */
export function clusterOptionsFromEnv(env: Record<string, string | undefined>): ClusterOptions {
  const num = (v: string | undefined): number | undefined => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined)
  const opts: ClusterOptions = {}
  const seed = num(env.MERIDIAN_DEMO_SEED)
  const agents = num(env.MERIDIAN_DEMO_AGENTS)
  const speed = num(env.MERIDIAN_DEMO_SPEED)
  if (seed !== undefined) opts.seed = seed
  if (agents !== undefined) opts.agents = Math.max(1, Math.min(20_000, Math.floor(agents)))
  if (speed !== undefined && speed > 0) opts.speed = speed
  const services = num(env.MERIDIAN_DEMO_SERVICES)
  const instances = num(env.MERIDIAN_DEMO_INSTANCES)
  if (services !== undefined) opts.services = Math.max(0, Math.min(MAX_LOAD_SERVICES, Math.floor(services)))
  if (instances !== undefined) opts.instancesPerService = Math.max(1, Math.min(MAX_LOAD_INSTANCES, Math.floor(instances)))
  if (env.MERIDIAN_DEMO_REQUIRE_AUTH === '1' || env.MERIDIAN_DEMO_REQUIRE_AUTH === 'true') opts.requireAuth = true
  return opts
}

export function createCluster(opts: ClusterOptions = {}): EmbeddedCluster {
  const clock = new SimClock({
    mode: opts.clock ?? 'realtime',
    speed: opts.speed ?? 1,
    // Tests (manual clock) get a fixed epoch so runs are reproducible; a served demo starts at the
    // wall-clock time, so the ages and "x ago" a browser computes from its own clock are right.
    start: opts.start ?? ((opts.clock ?? 'realtime') === 'manual' ? DEMO_EPOCH : Math.floor(Date.now() / 1000) * 1000),
  })
  const random = new SeededRandom(opts.seed ?? 42)
  const master = new MesosMaster(clock, random)
  seedAgents(master, random, opts.agents ?? 10)

  const app = new Hono()
  // --- mounts (one line per emulated upstream) ---
  mountIam(app, { requireAuth: opts.requireAuth === true }) // first: Admin Router's token check runs before every upstream
  const streamFaults = new StreamFaults()
  app.use('*', streamFaults.middleware) // before the upstreams: demo-control can end or refuse their streams
  const marathon = createMarathon(master, clock, random)
  marathon.mount(app)
  if (!opts.empty) seedDemoApps(marathon.scheduler)
  if ((opts.services ?? 0) > 0) seedLoadProfile(marathon.scheduler, [...master.agents.values()], { services: opts.services!, instancesPerService: opts.instancesPerService ?? 10 })
  mountMesos(app, { master, clock })
  app.route('/api/demo/streams', streamFaults.routes)
  app.route('/api/demo', createDemoControlApp({ master, clock, seed: opts.seed ?? 42, marathon: marathon.scheduler }))
  const sdkServices = new SdkServiceManager({ master, clock, random, fetch: (path, init) => app.request(path, init) })
  app.use('/service/*', sdkServices.middleware)
  app.route('/', createCosmos({ fetch: (path, init) => app.request(path, init), clock, master, allowFileRepositories: opts.allowFileRepositories === true, ...(process.env.MERIDIAN_UNIVERSE ? { universe: process.env.MERIDIAN_UNIVERSE } : {}) }).app)
  mountMetronome(app, createMetronome({ clock, random, master, empty: opts.empty === true }))
  app.route('/', systemRoutes(master)) // DC/OS metadata and dcos-diagnostics' cluster health
  app.all('/service/*', serviceFallback({ master, marathon: marathon.scheduler, servedInProcess: (name) => sdkServices.scheduler(name) !== undefined })) // last: Admin Router's /service/<name> resolution for what no upstream answered

  return {
    clock,
    random,
    master,
    app,
    close() {
      clock.stop()
    },
  }
}
