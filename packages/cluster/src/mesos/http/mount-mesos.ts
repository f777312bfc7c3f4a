/**
 * Mounts the Mesos master and agents under their Admin Router paths (upstream-apis.md §0,
 * §6.1): `/mesos/<rest>` → master `<rest>` (bare `/mesos` → 301 `/mesos/`), and
 * `/agent/<id>/<rest>` (alias `/slave/<id>/<rest>`) → that agent's `<rest>`.
 */
import type { Hono } from 'hono'
import type { SimClock } from '../../sim/clock.ts'
import type { MesosMaster } from '../state/master.ts'
import { createAgentApp } from './agent-app.ts'
import { createMasterApp } from './master-app.ts'

export function mountMesos(app: Hono, { master, clock }: { master: MesosMaster; clock: SimClock }): void {
  app.all('/mesos', (c) => {
    const query = new URL(c.req.url).search
    return c.redirect(`/mesos/${query}`, 301)
  })
  app.route('/mesos', createMasterApp(master, clock))
  const agents = createAgentApp(master)
  app.route('/agent', agents)
  app.route('/slave', agents)
}
