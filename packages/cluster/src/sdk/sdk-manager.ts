/**
 * Runs an SDK scheduler for every Marathon app that is one (DCOS_COMMONS_API_VERSION label and a
 * known framework package) while its Marathon task is RUNNING, and routes
 * `/service/<name>/v1/...` to it. The Marathon side is read over Marathon's HTTP API, like
 * Admin Router and Cosmos do; scheduler state (framework id, configs, pods) survives scheduler
 * restarts, as dcos-commons keeps it in ZooKeeper.
 */
import type { Context, Hono, Next } from 'hono'
import type { SimClock } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import { SdkScheduler } from './sdk-scheduler.ts'
import { sdkRoutes } from './sdk-routes.ts'
import { isEmulatedFramework, serviceSpecFromEnv } from './service-spec.ts'

type FetchLike = (path: string, init?: RequestInit) => Response | Promise<Response>

interface MarathonAppView {
  id: string
  version?: string
  labels?: Record<string, string>
  env?: Record<string, unknown>
  tasks?: Array<{ state?: string }>
  tasksRunning?: number
}

interface Service {
  scheduler: SdkScheduler
  routes: Hono
  appVersion: string
  running: boolean
}

export class SdkServiceManager {
  private readonly services = new Map<string, Service>()
  private syncing: Promise<void> | undefined
  private dirty = false
  private readonly unsubscribe: () => void

  constructor(
    private readonly deps: { master: MesosMaster; clock: SimClock; random: SeededRandom; fetch: FetchLike },
  ) {
    this.unsubscribe = deps.master.on((e) => {
      // The scheduler's own Marathon task changing state is what starts/stops/reconfigures it.
      if (e.type === 'TASK_UPDATED' && deps.master.frameworks.get(e.task.frameworkId)?.name === 'marathon') this.requestSync()
    })
  }

  /** Service names currently emulated. */
  names(): string[] {
    return [...this.services.keys()]
  }

  scheduler(name: string): SdkScheduler | undefined {
    return this.services.get(name)?.scheduler
  }

  requestSync(): Promise<void> {
    if (this.syncing) {
      this.dirty = true
      return this.syncing
    }
    this.syncing = (async () => {
      do {
        this.dirty = false
        await this.sync().catch((err: unknown) => console.error('[sdk] sync failed', err))
      } while (this.dirty)
      this.syncing = undefined
    })()
    return this.syncing
  }

  private async sync(): Promise<void> {
    const res = await this.deps.fetch('/service/marathon/v2/apps?embed=apps.tasks&label=DCOS_COMMONS_API_VERSION')
    if (!res.ok) return
    const body = (await res.json()) as { apps?: MarathonAppView[] }
    const seen = new Set<string>()
    for (const app of body.apps ?? []) {
      const labels = app.labels ?? {}
      const env = Object.fromEntries(Object.entries(app.env ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>
      const packageName = labels.DCOS_PACKAGE_NAME ?? env.PACKAGE_NAME
      if (!isEmulatedFramework(packageName)) continue
      const name = (labels.DCOS_SERVICE_NAME ?? app.id).replace(/^\//, '')
      seen.add(name)
      const running = (app.tasks ?? []).some((t) => t.state === 'TASK_RUNNING') || (app.tasksRunning ?? 0) > 0
      const existing = this.services.get(name)
      const version = JSON.stringify(env)
      if (!running) {
        if (existing?.running) {
          existing.scheduler.stop()
          existing.running = false
        }
        continue
      }
      const spec = serviceSpecFromEnv(name, packageName!, env)
      if (!existing) {
        const scheduler = new SdkScheduler(this.deps.master, this.deps.clock, this.deps.random, spec)
        scheduler.start()
        this.services.set(name, { scheduler, routes: sdkRoutes(scheduler, this.deps.master), appVersion: version, running: true })
        continue
      }
      if (existing.appVersion !== version) {
        existing.appVersion = version
        existing.scheduler.setTarget(spec)
      }
      if (!existing.running) {
        existing.scheduler.start()
        existing.running = true
      }
    }
    for (const [name, svc] of this.services) {
      if (seen.has(name)) continue
      // The Marathon app is gone: the scheduler process is gone with it.
      svc.scheduler.stop()
      this.services.delete(name)
    }
  }

  /** Hono middleware: `/service/<name>/v1/...` for an emulated service, else next(). */
  readonly middleware = async (c: Context, next: Next): Promise<Response | void> => {
    const path = c.req.path
    const m = /^\/service\/(.+?)(\/v1(?:\/.*)?)$/.exec(path)
    const svc = m ? this.services.get(m[1]!) : undefined
    if (!m || !svc) return next()
    const url = new URL(c.req.url)
    return svc.routes.request(`${m[2]}${url.search}`, {
      method: c.req.method,
      headers: c.req.raw.headers,
      ...(c.req.method !== 'GET' && c.req.method !== 'HEAD' ? { body: await c.req.raw.arrayBuffer() } : {}),
    })
  }

  close(): void {
    this.unsubscribe()
    for (const svc of this.services.values()) svc.scheduler.stop()
  }
}
