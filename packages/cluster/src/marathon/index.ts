/**
 * The embedded Marathon (v2 API) on the embedded Mesos master. The cluster mounts `http`
 * under `/service/marathon` and `/marathon`; other emulated services (e.g. Cosmos) use the
 * HTTP API like any real client.
 */
import type { Hono } from 'hono'
import type { MesosMaster } from '../mesos/state/master.ts'
import type { SimClock } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import { marathonHttp } from './http/marathon-app.ts'
import { MarathonScheduler } from './scheduler/marathon-scheduler.ts'

export interface EmbeddedMarathon {
  scheduler: MarathonScheduler
  /** Marathon's routes relative to its own root (`/v2/apps`, `/ping`, …). */
  http: Hono
  /** Mounts Marathon on the cluster app under Admin Router's paths. */
  mount(app: Hono): void
}

export function createMarathon(master: MesosMaster, clock: SimClock, random: SeededRandom): EmbeddedMarathon {
  const scheduler = new MarathonScheduler(master, clock, random)
  const http = marathonHttp(scheduler)
  return {
    scheduler,
    http,
    mount(app) {
      // Admin Router: bare `/marathon` → 307 `/marathon/`; `/service/<name>` → 301 with slash.
      app.get('/marathon', (c) => c.redirect('/marathon/', 307))
      app.get('/service/marathon', (c) => c.redirect('/service/marathon/', 301))
      app.route('/service/marathon', http)
      app.route('/marathon', http)
    },
  }
}
