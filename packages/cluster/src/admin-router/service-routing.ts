/**
 * Admin Router's `/service/<name>/...` resolution (upstream-apis.md §6.1; dcos/dcos
 * adminrouter `service.lua`) for the names the emulated upstreams do not serve themselves.
 * It runs after every upstream's own mount, so it only sees requests nothing else answered:
 *
 * - Candidate names are the path's first 1..10 segments, shortest first (group-nested ids).
 * - A name resolves through the Marathon apps cache (labels `DCOS_SERVICE_NAME=<name>`, a
 *   numeric `DCOS_SERVICE_PORT_INDEX`, a `DCOS_SERVICE_SCHEME`, at least one `TASK_RUNNING`
 *   task) or a registered Mesos framework by id or name with a `webui_url`.
 * - Unresolved: 404 text `404 Not Found: service not found.`.
 * - Resolved with nothing after the name (`/service/<name>`): 301 to the same path with `/`.
 * - Resolved otherwise: Admin Router would proxy to the upstream. Emulated SDK schedulers
 *   serve their `/v1` API before this runs; any other path reaches their Jetty, which answers
 *   its 404 page. A simulated Marathon task has no HTTP server behind its port, which for
 *   nginx is a refused upstream connection: 502.
 */
import type { Context } from 'hono'
import type { MesosMaster } from '../mesos/state/master.ts'
import type { MarathonScheduler } from '../marathon/scheduler/marathon-scheduler.ts'

const MAX_SEGMENTS = 10
const NOT_FOUND_TEXT = '404 Not Found: service not found.\n'
const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n'

export interface ServiceRoutingDeps {
  master: MesosMaster
  marathon: MarathonScheduler
  /** Names whose upstream is emulated in-process (SDK schedulers). */
  servedInProcess?: (name: string) => boolean
}

/** Whether Admin Router can route `/service/<name>` to an upstream. */
export function resolvesService(deps: ServiceRoutingDeps, name: string): boolean {
  return marathonAppServes(deps, name) || frameworkServes(deps.master, name)
}

function marathonAppServes({ marathon }: ServiceRoutingDeps, name: string): boolean {
  for (const app of marathon.store.apps.values()) {
    const l = app.labels
    if (l.DCOS_SERVICE_NAME !== name || l.DCOS_SERVICE_SCHEME === undefined) continue
    if (l.DCOS_SERVICE_PORT_INDEX === undefined || !/^\d+$/.test(l.DCOS_SERVICE_PORT_INDEX)) continue
    const running = marathon.tracker.instancesOf(app.id).some((i) => i.taskId !== undefined && marathon.master.getTask(i.taskId)?.state === 'TASK_RUNNING')
    if (running) return true
  }
  return false
}

function frameworkServes(master: MesosMaster, name: string): boolean {
  const byId = master.frameworks.get(name)
  if (byId) return byId.unregisteredTime === undefined && (byId.webuiUrl ?? '') !== ''
  for (const fw of master.frameworks.values()) if (fw.name === name && fw.unregisteredTime === undefined && (fw.webuiUrl ?? '') !== '') return true
  return false
}

/** Catch-all for `/service/*`; mount after every upstream. */
export function serviceFallback(deps: ServiceRoutingDeps) {
  return (c: Context): Response => {
    const rest = c.req.path.replace(/^\/service\/?/, '')
    const segments = rest.split('/')
    for (let n = 1; n <= Math.min(MAX_SEGMENTS, segments.length); n++) {
      const name = segments.slice(0, n).join('/')
      if (name === '' || !resolvesService(deps, name)) continue
      if (n === segments.length) {
        const url = new URL(c.req.url)
        return c.redirect(`/service/${name}/${url.search}`, 301)
      }
      if (deps.servedInProcess?.(name)) return c.html(jettyNotFound(`/${segments.slice(n).join('/')}`), 404)
      return c.html(BAD_GATEWAY_HTML, 502)
    }
    return c.text(NOT_FOUND_TEXT, 404)
  }
}

/** Jetty's default error page, as an SDK scheduler's API server renders an unknown path. */
function jettyNotFound(path: string): string {
  const safe = path.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`)
  return `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 404 Not Found</title>\n</head>\n<body><h2>HTTP ERROR 404</h2>\n<p>Problem accessing ${safe}. Reason:\n<pre>    Not Found</pre></p>\n</body>\n</html>\n`
}
