/**
 * Marathon app definition (RAML `App`) as the emulator stores and renders it: every field
 * with its default filled in, in Marathon's wire names.
 */
export type EnvValue = string | { secret: string }

export interface PortDefinition {
  port: number
  name?: string
  protocol: string
  labels?: Record<string, string>
}

export interface PortMapping {
  containerPort: number
  hostPort?: number
  servicePort: number
  protocol: string
  name?: string
  labels?: Record<string, string>
  networkNames?: string[]
}

export interface PersistentInfo {
  type?: 'root' | 'path' | 'mount'
  size: number
  maxSize?: number
  constraints?: string[][]
}

export interface AppVolume {
  containerPath: string
  hostPath?: string
  mode?: 'RO' | 'RW'
  persistent?: PersistentInfo
  external?: Record<string, unknown>
  secret?: string
}

export interface Container {
  type: 'DOCKER' | 'MESOS'
  docker?: {
    image: string
    forcePullImage: boolean
    privileged: boolean
    parameters: Array<{ key: string; value: string }>
    pullConfig?: { secret: string }
  }
  volumes: AppVolume[]
  portMappings?: PortMapping[]
}

export interface Network {
  mode: 'host' | 'container' | 'container/bridge'
  name?: string
  labels?: Record<string, string>
}

export interface HealthCheck {
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'COMMAND' | 'MESOS_HTTP' | 'MESOS_HTTPS' | 'MESOS_TCP'
  path?: string
  portIndex?: number
  port?: number
  command?: { value: string }
  gracePeriodSeconds: number
  intervalSeconds: number
  timeoutSeconds: number
  maxConsecutiveFailures: number
  delaySeconds: number
  ignoreHttp1xx?: boolean
  ipProtocol?: 'IPv4' | 'IPv6'
}

export interface ReadinessCheck {
  name: string
  protocol: 'HTTP' | 'HTTPS'
  path: string
  portName: string
  intervalSeconds: number
  timeoutSeconds: number
  httpStatusCodesForReady: number[]
  preserveLastResponse: boolean
}

export interface FetchUri {
  uri: string
  extract: boolean
  executable: boolean
  cache: boolean
  destPath?: string
}

export interface UpgradeStrategy {
  minimumHealthCapacity: number
  maximumOverCapacity: number
}

export type UnreachableStrategy = 'disabled' | { inactiveAfterSeconds: number; expungeAfterSeconds: number }

export interface VersionInfo {
  lastScalingAt: string
  lastConfigChangeAt: string
}

export interface MarathonApp {
  id: string
  cmd?: string
  args?: string[]
  user?: string
  instances: number
  cpus: number
  mem: number
  disk: number
  gpus: number
  executor: string
  constraints: string[][]
  acceptedResourceRoles?: string[]
  role: string
  env: Record<string, EnvValue>
  secrets: Record<string, { source: string }>
  labels: Record<string, string>
  container?: Container
  networks: Network[]
  portDefinitions: PortDefinition[]
  requirePorts: boolean
  healthChecks: HealthCheck[]
  readinessChecks: ReadinessCheck[]
  dependencies: string[]
  upgradeStrategy: UpgradeStrategy
  unreachableStrategy: UnreachableStrategy
  killSelection: 'YOUNGEST_FIRST' | 'OLDEST_FIRST'
  backoffSeconds: number
  backoffFactor: number
  maxLaunchDelaySeconds: number
  taskKillGracePeriodSeconds?: number
  fetch: FetchUri[]
  residency?: { relaunchEscalationTimeoutSeconds: number; taskLostBehavior: string }
  tty?: boolean
  version: string
  versionInfo: VersionInfo
}

/** Fields whose change is a scale only (no restart) in Marathon's deployment planning. */
export const SCALE_ONLY_FIELDS = ['instances', 'version', 'versionInfo'] as const

/** True when the app keeps local persistent volumes (a "resident" app). */
export function isResident(app: MarathonApp): boolean {
  return (app.container?.volumes ?? []).some((v) => v.persistent !== undefined)
}

/** Whether two definitions differ in more than the instance count (needs a restart). */
export function isConfigChange(a: MarathonApp, b: MarathonApp): boolean {
  const strip = (x: MarathonApp): string => JSON.stringify({ ...x, instances: 0, version: '', versionInfo: null })
  return strip(a) !== strip(b)
}

/** The app's host networking mode decides between portDefinitions and portMappings. */
export function usesHostNetwork(app: Pick<MarathonApp, 'networks'>): boolean {
  return app.networks.every((n) => n.mode === 'host')
}

/** Ports the task needs on its agent, in order: [requested port or 0 for any]. */
export function requestedHostPorts(app: MarathonApp): number[] {
  if (usesHostNetwork(app)) return app.portDefinitions.map((p) => (app.requirePorts ? p.port : 0))
  return (app.container?.portMappings ?? []).filter((m) => m.hostPort !== undefined).map((m) => m.hostPort ?? 0)
}

export function servicePorts(app: MarathonApp): number[] {
  if (usesHostNetwork(app)) return app.portDefinitions.map((p) => p.port)
  return (app.container?.portMappings ?? []).map((m) => m.servicePort)
}

export function portNames(app: MarathonApp): string[] {
  if (usesHostNetwork(app)) return app.portDefinitions.map((p) => p.name ?? '')
  return (app.container?.portMappings ?? []).map((m) => m.name ?? '')
}
