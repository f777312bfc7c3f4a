/**
 * The BFF's HTTP API under /api. Composition only: each view has its own route module.
 * `AppType` is what the SPA's typed client (Hono RPC) is built from.
 */
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { authGate } from './auth/gate.ts'
import type { RoleForClusterUser } from './auth/cluster-roles.ts'
import { securityHeaders } from './auth/security-headers.ts'
import { SessionStore } from './auth/sessions.ts'
import type { BffEnv } from './env.ts'
import { errorEnvelope, toAppError } from './errors.ts'
import { JobIdSchema } from '@meridian/api'
import { LiveHub } from './live/hub.ts'
import { createLiveFeeds } from './live/feeds.ts'
import type { MarathonFeedOptions } from './live/marathon-feed.ts'
import type { MesosFeedOptions } from './live/mesos-feed.ts'
import { dashboardFeed, type DashboardFeedOptions } from './live/dashboard-feed.ts'
import { FrameworkDirectory } from './live/framework-directory.ts'
import { jobFeed, type JobFeedOptions } from './live/job-feed.ts'
import { planFeed } from './live/plan-feed.ts'
import type { ServiceSnapshotOptions } from './live/service-snapshots.ts'
import { catalogRoutes } from './routes/catalog.ts'
import { clusterRoutes } from './routes/cluster.ts'
import { jobsRoutes } from './routes/jobs.ts'
import { logsRoutes } from './routes/logs.ts'
import { servicePodsRoutes } from './routes/pods.ts'
import { plansOverviewRoutes, servicePlansRoutes } from './routes/plans.ts'
import { dashboardRoutes } from './routes/dashboard.ts'
import { eventsRoutes, type EventStreamOptions } from './routes/events.ts'
import { nodesRoutes } from './routes/nodes.ts'
import { rejectPathTraversal } from './routes/path-guard.ts'
import { sessionRoutes } from './routes/session.ts'
import { deploymentsRoutes, servicesRoutes } from './routes/services.ts'
import { tasksRoutes } from './routes/tasks.ts'
import { createIamClient } from './upstreams/iam/index.ts'
import { createUpstreams } from './upstreams/registry.ts'

/** Request bodies above this are refused with 413 before any handler reads them. */
export const MAX_BODY_BYTES = 1024 * 1024

export interface AppDeps {
  /** Cluster origin (Admin Router) the adapters talk to. */
  clusterUrl: string
  /** Static DC/OS token (DCOS_ACS_TOKEN); a cluster-mode session's own token wins. */
  clusterToken?: string
  /** demo: built-in users; cluster: log in through DC/OS IAM. Default demo. */
  mode?: 'demo' | 'cluster'
  /** Injected fetch for every upstream call (tests). */
  fetch?: typeof fetch
  /** Per-attempt timeout of upstream REST calls (ms, default 10 s; tests shorten it). */
  upstreamTimeoutMs?: number
  sessions?: SessionStore
  /** Live hub (tests inject one); by default fed by Mesos SUBSCRIBE and Marathon /v2/events. */
  hub?: LiveHub
  roleFor?: RoleForClusterUser
  /** How often `/api/tasks/:id/logs/follow` checks the file size (ms, default 1000). */
  logPollMs?: number
  /** Plan feed timing (tests shorten it): debounce after task events, re-read interval while a plan moves. */
  planFeed?: { debounceMs?: number; settleMs?: number }
  /** Debounce of the per-app re-read behind `service.changed` deltas (tests shorten it). */
  serviceSnapshots?: ServiceSnapshotOptions
  /** Debounce of the per-job re-read behind `job.changed` deltas. */
  jobFeed?: JobFeedOptions
  /** Coalescing window of `dashboard.changed` deltas. */
  dashboardFeed?: DashboardFeedOptions
  /** Slow-consumer bounds of `/api/events` (tests shorten them). */
  events?: EventStreamOptions
  /** Mesos feed timing (agent re-read interval, node delta batching). */
  mesosFeed?: MesosFeedOptions
  /** Marathon feed timing (queue re-read interval, quiet-stream check). */
  marathonFeed?: Omit<MarathonFeedOptions, 'snapshots' | 'backoffBaseMs'>
  /**
   * Open the upstream streams at start and keep them open (the server does): nodes and dashboard
   * then answer from the Mesos mirror. Off, the streams run only while a browser listens, and
   * views read the master when the mirror is not in sync.
   */
  warm?: boolean
}

/**
 * The fetch of the BFF's shared upstream streams. With a static DCOS_ACS_TOKEN the adapters send
 * it; in cluster mode without one, the streams borrow the token of the most recently active
 * session (set DCOS_ACS_TOKEN to a service account's token to avoid that).
 */
function sharedStreamFetch(base: typeof fetch, sessions: SessionStore): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    const token = sessions.sharedClusterToken()
    if (token && !headers.has('authorization')) headers.set('authorization', `token=${token}`)
    return base(input, { ...init, headers })
  }) as typeof fetch
}

export function createApp(deps: AppDeps) {
  const mode = deps.mode ?? 'demo'
  const sessions = deps.sessions ?? new SessionStore()
  const base = { baseUrl: deps.clusterUrl.replace(/\/+$/, ''), ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.upstreamTimeoutMs !== undefined ? { timeoutMs: deps.upstreamTimeoutMs } : {}) }
  const serverToken = deps.clusterToken ? { token: deps.clusterToken } : {}
  const streamFetch = mode === 'cluster' && !deps.clusterToken ? { fetch: sharedStreamFetch(deps.fetch ?? fetch, sessions) } : {}
  const serverUpstreams = createUpstreams({ ...base, ...serverToken, ...streamFetch })
  // One framework directory (one state-summary read per refresh) for the plan and job feeds.
  const directory = new FrameworkDirectory(serverUpstreams)
  const plans = planFeed(serverUpstreams, { ...deps.planFeed, directory })
  const jobs = jobFeed(serverUpstreams.metronome, directory, deps.jobFeed ?? {})
  const live = createLiveFeeds(serverUpstreams, { ...(deps.serviceSnapshots ? { snapshots: deps.serviceSnapshots } : {}), ...(deps.mesosFeed ? { mesos: deps.mesosFeed } : {}), ...(deps.marathonFeed ? { marathon: deps.marathonFeed } : {}) })
  const feeds = [...live.feeds, plans, jobs, dashboardFeed(deps.dashboardFeed ?? {})]
  const hub = deps.hub ?? new LiveHub({ feeds })
  if (deps.warm) hub.warm()
  // The mirrors answer only while the default hub runs their feeds (an injected hub does not).
  const mesosView = { mirror: live.mesos.mirror, refreshAgents: () => live.mesos.refreshAgents() }

  return new Hono<BffEnv>()
    .use('*', securityHeaders())
    .use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorEnvelope('ValidationFailed', `Request body exceeds ${MAX_BODY_BYTES} bytes`), 413) }))
    .use('/api/*', rejectPathTraversal())
    .use('/api/*', authGate(sessions))
    .use('/api/*', async (c, next) => {
      const token = c.var.session?.clusterToken ?? deps.clusterToken
      c.set('upstreams', createUpstreams({ ...base, ...(token ? { token } : {}) }))
      await next()
    })
    .onError((err, c) => {
      const e = toAppError(err)
      return c.json(e.toEnvelope(), e.status)
    })
    // Public: the sign-in page reads `mode` to tell demo users how to sign in.
    .get('/api/health', (c) => c.json({ ok: true, mode }, 200))
    .use('/api/session/login', async (c, next) => {
      await next()
      // The shared upstream streams borrow a session's token when the BFF has none of its own:
      // the first login should not wait out a reconnect backoff.
      if (c.res.status === 200 && streamFetch.fetch) hub.retryNow()
    })
    .route('/api/session', sessionRoutes({ sessions, mode, iam: createIamClient(base), roleFor: deps.roleFor ?? (() => 'admin') }))
    .route('/api/cluster', clusterRoutes(mode))
    .route('/api/nodes', nodesRoutes(mesosView))
    .route('/api/dashboard', dashboardRoutes({ mesos: live.mesos.mirror, marathon: live.marathon.mirror }))
    .route('/api/services/:id/plans', servicePlansRoutes((svc) => plans.poke(svc)))
    .route('/api/services/:id/pods', servicePodsRoutes())
    .route('/api/services', servicesRoutes(live.marathon.mirror))
    .route('/api/deployments', deploymentsRoutes())
    .route('/api/plans', plansOverviewRoutes())
    .use('/api/jobs/*', async (c, next) => {
      // Job changes made through the BFF announce no task event: re-read that job for the live feed.
      await next()
      if (c.req.method === 'GET' || c.res.status >= 300) return
      const fromPath = c.req.path.split('/')[3]
      const id = fromPath ?? ((await c.res.clone().json().catch(() => null)) as { id?: unknown } | null)?.id
      if (JobIdSchema.safeParse(id).success) jobs.poke(id as string)
    })
    .route('/api/jobs', jobsRoutes())
    .route('/api/catalog', catalogRoutes())
    .route('/api/tasks', tasksRoutes())
    .route('/api/tasks', logsRoutes(deps.logPollMs !== undefined ? { pollMs: deps.logPollMs } : {}))
    .route('/api/events', eventsRoutes(hub, deps.events))
    .all('/api/*', (c) => c.json(errorEnvelope('NotFound', `No route ${c.req.method} ${c.req.path}`), 404))
}

export type AppType = ReturnType<typeof createApp>
