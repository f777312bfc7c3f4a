/**
 * The embedded Metronome: its service (framework `metronome` on the master, jobs, runs,
 * schedules) served over Metronome's HTTP API. `basePath` is the Admin Router prefix the app
 * is mounted under; Metronome itself sees paths without it (e.g. in `requestPath`).
 */
import { Hono } from 'hono'
import type { SimClock } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import { registerInfoRoutes } from './http/info-routes.ts'
import { registerJobRoutes } from './http/jobs-routes.ts'
import { registerRunRoutes } from './http/runs-routes.ts'
import { registerScheduleRoutes } from './http/schedules-routes.ts'
import { seedDemoJobs } from './demo.ts'
import { MetronomeService } from './metronome-service.ts'

export interface MetronomeOptions {
  clock: SimClock
  random: SeededRandom
  master: MesosMaster
  /** skip the demo jobs */
  empty?: boolean
  /** mount prefix, default /service/metronome */
  basePath?: string
}

export interface EmbeddedMetronome {
  service: MetronomeService
  app: Hono
}

export function createMetronome(opts: MetronomeOptions): EmbeddedMetronome {
  const base = opts.basePath ?? '/service/metronome'
  const service = new MetronomeService(opts.clock, opts.random, opts.master)
  const app = new Hono()
  registerJobRoutes(app, service, base)
  registerRunRoutes(app, service, base)
  registerScheduleRoutes(app, service, base)
  registerInfoRoutes(app, service, base)
  if (!opts.empty) seedDemoJobs(service)
  return { service, app }
}

/** Mounts Metronome on the cluster app: `/service/metronome/*`, bare path → 301 with slash. */
export function mountMetronome(root: Hono, metronome: EmbeddedMetronome, base = '/service/metronome'): void {
  root.get(base, (c) => c.redirect(`${base}/`, 301))
  root.route(base, metronome.app)
}
