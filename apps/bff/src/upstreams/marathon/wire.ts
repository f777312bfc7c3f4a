/** Marathon wire shapes the BFF reads (upstream-apis.md §2), kept leniently optional. */

/** Marathon task JSON. */
export interface MarathonTask {
  id: string
  appId: string
  host: string
  slaveId?: string
  state?: string
  stagedAt?: string
  startedAt?: string
  version?: string
  ports?: number[]
  servicePorts?: number[]
  ipAddresses?: Array<{ ipAddress: string; protocol?: string }>
  /** Marathon's last result of the app's (first) health check for this task */
  healthCheckResults?: Array<{ alive: boolean; consecutiveFailures?: number; lastFailureCause?: string | null; lastFailure?: string | null; lastSuccess?: string | null }>
  region?: string
  zone?: string
}

/** AppInfo: the definition plus status fields. */
export interface MarathonApp {
  id: string
  cmd?: string | null
  args?: string[] | null
  instances?: number
  cpus?: number
  mem?: number
  disk?: number
  gpus?: number
  labels?: Record<string, string>
  env?: Record<string, unknown>
  container?: { type?: string; docker?: { image?: string }; portMappings?: Array<{ containerPort?: number; hostPort?: number; servicePort?: number; name?: string; protocol?: string }> } | null
  portDefinitions?: Array<{ port: number; name?: string; protocol?: string }>
  healthChecks?: unknown[]
  version?: string
  versionInfo?: { lastScalingAt?: string; lastConfigChangeAt?: string }
  tasksStaged?: number
  tasksRunning?: number
  tasksHealthy?: number
  tasksUnhealthy?: number
  deployments?: Array<{ id: string }>
  tasks?: MarathonTask[]
  lastTaskFailure?: { appId?: string; host: string; message: string; state: string; taskId: string; timestamp: string; version: string; slaveId?: string }
  [key: string]: unknown
}

/** GroupInfo. */
export interface MarathonGroup {
  id: string
  apps?: MarathonApp[]
  groups?: MarathonGroup[]
  pods?: unknown[]
  version?: string
}

/** `/v2/deployments` element. */
export interface MarathonDeployment {
  id: string
  version: string
  affectedApps?: string[]
  affectedPods?: string[]
  steps?: Array<{ actions: Array<{ action: string; app?: string; pod?: string }> }>
  currentActions?: Array<{ action: string; app?: string; pod?: string }>
  currentStep?: number
  totalSteps?: number
}

/** `/v2/queue` element. */
export interface MarathonQueueItem {
  app?: { id: string }
  pod?: { id: string }
  count: number
  delay?: { timeLeftSeconds: number; overdue: boolean }
  since?: string
  processedOffersSummary?: {
    processedOffersCount?: number
    unusedOffersCount?: number
    rejectSummaryLastOffers?: Array<{ reason: string; declined: number; processed: number }>
  }
}

/** DeploymentResult. */
export interface MarathonDeploymentResult {
  deploymentId?: string
  version?: string
}
