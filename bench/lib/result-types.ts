/** The shape of bench/results/latest.json (one entry per cluster size). */
import type { PageMetrics } from '../browser/index.ts'
import type { ChangeToDelta } from './measure-change.ts'
import type { Summary } from './stats.ts'

export interface SizeResult {
  agents: number
  services: number
  tasks: number
  /** cluster process: seeding agents + load profile (ms) */
  clusterSeedMs: number
  /** from spawning the BFF to its views answering after warm-up (ms) */
  bffReadyMs: number
  bffRssMb: {
    afterWarmup: number
    afterLoad: number
    max: number
    /** max of the 1 s samples within each phase (startup = spawn → first successful login) */
    maxByPhase: Record<string, number>
    /** the V8 heap limit the BFF reported at start (MB; `apps/bff/bin/serve.sh`, MERIDIAN_BFF_HEAP_MB) */
    heapLimit?: number
  }
  /** latency of `GET /api/<view>` over the socket, body read (ms) */
  latency: Record<'services' | 'nodes' | 'dashboard', Summary & { bodyBytes: number; failed: number; firstError?: string }>
  /** task fail in the cluster → its task.changed delta on an open /api/events stream (ms) */
  changeToDelta: ChangeToDelta
  idle: IdleTraffic
  clusterCost: { cpuMs: number; simulatedSeconds: number; cpuMsPerSimulatedSecond: number }
  browser?: BrowserSummary
  /** sample counts and windows this size ran with (smaller at 10,000 to bound the run time) */
  phases: PhaseSettings
  /** last lines of each child's stdout/stderr at the end of the size (JSON only) */
  logTail?: { cluster: string; bff: string }
  /** things that went wrong but were recovered from (e.g. a retried browser run) */
  notes: string[]
  /** measurement errors that left a metric out (e.g. the browser module failed) */
  errors: string[]
}

export interface PhaseSettings {
  /** requests per view (after the warm-up), and the per-view wall-time budget that can end them earlier */
  viewRequests: number
  viewBudgetMs: number
  changeSamples: number
  idleWindowMs: number
  costWindowMs: number
}

export interface IdleTraffic {
  windowSeconds: number
  /** bytes an idle /api/events subscriber received in the window, per minute */
  sseBytesPerMinute: number
  sseEvents: number
  /** bytes of `/mesos/master/state` polled every 2 s in the same window, per minute */
  pollBytesPerMinute: number
  polls: number
  /** one /mesos/master/state body (bytes) */
  stateBytes: number
  /** poll time per request (ms); over 2 s means the poller could not keep its interval */
  pollLatency: Summary
  /** polling bytes / SSE bytes */
  ratio: number
}

export interface BrowserSummary {
  nodes?: PageSummary
  services?: PageSummary
  /** one burst per list page, run one after the other */
  burst?: { nodes?: BurstSummary; services?: BurstSummary }
}

/** bench/browser's PageMetrics, the fields the report shows (all ms unless named otherwise; documented there). */
export type PageSummary = Pick<
  PageMetrics,
  'rows' | 'dataLoadedMs' | 'firstRowMs' | 'renderAfterDataMs' | 'scrollLongestTaskMs' | 'scrollTasksOver50Ms' | 'scrollLongestTaskCpuMs' | 'scrollTasksOver50MsCpu' | 'scrollDurationMs'
>

/** bench/browser's BurstMetrics for one page, the fields the report shows. */
export interface BurstSummary {
  page: string
  ratePerSecond: number
  seconds: number
  /** false: the cluster had no burst endpoint, the window saw only normal demo traffic */
  burstEndpoint: boolean
  updatesEmitted: number
  deltasReceived: number
  longestTaskMs: number
  longestTaskCpuMs: number
  tasksOver50Ms: number
  tasksOver50MsCpu: number
  inputToFrameP95Ms: number
  inputToFrameMaxMs: number
  samples: number
}

export interface RouteBundleSummary {
  route: string
  initialJsGzipBytes: number
  initialJsRawBytes: number
}

export interface TargetCheck {
  agents: number
  metric: string
  value: number
  target: string
  pass: boolean
  /** shown next to the value, e.g. the wall time of a target judged on CPU time */
  detail?: string
}

export interface BuildStep {
  app: string
  rebuilt: boolean
  /** e.g. "apps/web/src/main.tsx is newer than dist/.vite/manifest.json", "--build", "up to date" */
  reason: string
}

export interface BenchReport {
  runAt: string
  machine: { cpus: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] }
  durationSeconds: number
  /** where the cluster's and the BFF's full output of this run went */
  logDir: string
  /** whether `pnpm bench` rebuilt the SPA / the BFF before measuring, and why */
  builds: BuildStep[]
  sizes: SizeResult[]
  bundles: RouteBundleSummary[]
  targets: TargetCheck[]
  errors: string[]
}
