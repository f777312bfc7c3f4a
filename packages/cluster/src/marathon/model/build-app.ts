/**
 * Turns an App / AppUpdate JSON body into a full `MarathonApp`: fields missing from the body
 * keep the old values (PUT/PATCH partial update, Marathon's default) or take Marathon's
 * defaults (create, or `partialUpdate=false`). Type errors are caught earlier (read-json.ts).
 */
import type {
  AppVolume,
  Container,
  FetchUri,
  HealthCheck,
  MarathonApp,
  Network,
  PortDefinition,
  PortMapping,
  ReadinessCheck,
} from './app-types.ts'
import { isObject } from './read-json.ts'

type Json = Record<string, unknown>

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined)
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter(isObject) as Json[]) : [])
const strMap = (v: unknown): Record<string, string> | undefined => (isObject(v) ? (v as Record<string, string>) : undefined)

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k]
  return o
}

function portMapping(m: Json, bridge: boolean): PortMapping {
  return defined({
    containerPort: num(m.containerPort) ?? 0,
    hostPort: num(m.hostPort) ?? (bridge ? 0 : undefined),
    servicePort: num(m.servicePort) ?? 0,
    protocol: str(m.protocol) ?? 'tcp',
    name: str(m.name),
    labels: strMap(m.labels),
    networkNames: Array.isArray(m.networkNames) ? (m.networkNames as string[]) : undefined,
  })
}

function volume(v: Json): AppVolume {
  const p = isObject(v.persistent) ? v.persistent : undefined
  return defined({
    containerPath: str(v.containerPath) ?? '',
    hostPath: str(v.hostPath),
    mode: (str(v.mode) as AppVolume['mode']) ?? (p ? 'RW' : undefined),
    persistent: p
      ? defined({
          type: (str(p.type) as 'root' | 'path' | 'mount' | undefined) ?? 'root',
          size: num(p.size) ?? 0,
          maxSize: num(p.maxSize),
          constraints: Array.isArray(p.constraints) ? (p.constraints as string[][]) : [],
        })
      : undefined,
    external: isObject(v.external) ? v.external : undefined,
    secret: str(v.secret),
  })
}

function container(c: Json, networks: Network[]): Container {
  const bridge = networks.some((n) => n.mode === 'container/bridge')
  const type = str(c.type) === 'MESOS' ? 'MESOS' : 'DOCKER'
  const d = isObject(c.docker) ? c.docker : undefined
  // Marathon ≤1.4 kept portMappings under container.docker; it still accepts them there.
  const mappings = Array.isArray(c.portMappings) ? c.portMappings : Array.isArray(d?.portMappings) ? d.portMappings : undefined
  return defined({
    type,
    docker: d
      ? defined({
          image: str(d.image) ?? '',
          forcePullImage: bool(d.forcePullImage) ?? false,
          privileged: bool(d.privileged) ?? false,
          parameters: Array.isArray(d.parameters) ? (d.parameters as Array<{ key: string; value: string }>) : [],
          pullConfig: isObject(d.pullConfig) ? (d.pullConfig as { secret: string }) : undefined,
        })
      : undefined,
    volumes: arr(c.volumes).map(volume),
    portMappings: mappings !== undefined ? arr(mappings).map((m) => portMapping(m, bridge)) : networks.some((n) => n.mode !== 'host') ? [] : undefined,
  })
}

function networksOf(input: Json, base: MarathonApp | undefined): Network[] {
  if (Array.isArray(input.networks)) return arr(input.networks).map((n) => defined({ mode: (str(n.mode) ?? 'host') as Network['mode'], name: str(n.name), labels: strMap(n.labels) }))
  const legacy = isObject(input.container) && isObject(input.container.docker) ? str(input.container.docker.network) : undefined
  if (legacy === 'BRIDGE') return [{ mode: 'container/bridge' }]
  if (legacy === 'USER') return [{ mode: 'container' }]
  return base?.networks ?? [{ mode: 'host' }]
}

function healthCheck(h: Json): HealthCheck {
  const protocol = (str(h.protocol) ?? (isObject(h.command) ? 'COMMAND' : 'HTTP')) as HealthCheck['protocol']
  const needsPort = ['HTTP', 'HTTPS', 'TCP', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'].includes(protocol)
  return defined({
    protocol,
    path: protocol.endsWith('HTTP') || protocol.endsWith('HTTPS') ? (str(h.path) ?? '/') : undefined,
    portIndex: num(h.portIndex) ?? (needsPort && num(h.port) === undefined ? 0 : undefined),
    port: num(h.port),
    command: isObject(h.command) ? { value: str(h.command.value) ?? '' } : undefined,
    gracePeriodSeconds: num(h.gracePeriodSeconds) ?? 300,
    intervalSeconds: num(h.intervalSeconds) ?? 60,
    timeoutSeconds: num(h.timeoutSeconds) ?? 20,
    maxConsecutiveFailures: num(h.maxConsecutiveFailures) ?? 3,
    delaySeconds: num(h.delaySeconds) ?? 15,
    ignoreHttp1xx: bool(h.ignoreHttp1xx) ?? (protocol.endsWith('HTTP') || protocol.endsWith('HTTPS') ? false : undefined),
    ipProtocol: (str(h.ipProtocol) as 'IPv4' | 'IPv6' | undefined) ?? (protocol.startsWith('MESOS_') ? 'IPv4' : undefined),
  })
}

function readinessCheck(r: Json): ReadinessCheck {
  return {
    name: str(r.name) ?? 'readinessCheck',
    protocol: (str(r.protocol) as 'HTTP' | 'HTTPS') ?? 'HTTP',
    path: str(r.path) ?? '/',
    portName: str(r.portName) ?? 'http-api',
    intervalSeconds: num(r.intervalSeconds) ?? 30,
    timeoutSeconds: num(r.timeoutSeconds) ?? 10,
    httpStatusCodesForReady: Array.isArray(r.httpStatusCodesForReady) ? (r.httpStatusCodesForReady as number[]) : [200],
    preserveLastResponse: bool(r.preserveLastResponse) ?? false,
  }
}

function fetchUri(f: Json): FetchUri {
  return defined({ uri: str(f.uri) ?? '', extract: bool(f.extract) ?? true, executable: bool(f.executable) ?? false, cache: bool(f.cache) ?? false, destPath: str(f.destPath) })
}

function portDefinitions(input: Json, base: MarathonApp | undefined, hostNet: boolean): PortDefinition[] {
  if (!hostNet) return []
  if (Array.isArray(input.portDefinitions))
    return arr(input.portDefinitions).map((p) => defined({ port: num(p.port) ?? 0, name: str(p.name), protocol: str(p.protocol) ?? 'tcp', labels: strMap(p.labels) }))
  if (Array.isArray(input.ports)) return (input.ports as number[]).map((port) => ({ port, protocol: 'tcp' }))
  if (base && usesHost(base.networks)) return base.portDefinitions
  return [{ port: 0, name: 'default', protocol: 'tcp' }]
}

const usesHost = (n: Network[]): boolean => n.every((x) => x.mode === 'host')

/** Builds the full app. `base` is the current definition for partial updates. */
export function buildApp(input: Json, id: string, base?: MarathonApp): MarathonApp {
  const has = (k: string): boolean => input[k] !== undefined && input[k] !== null
  const networks = networksOf(input, base)
  const hostNet = usesHost(networks)
  const cont = has('container') ? container(input.container as Json, networks) : base?.container
  const resident = (cont?.volumes ?? []).some((v) => v.persistent !== undefined)
  const pick = <K extends keyof MarathonApp>(k: K, dflt: MarathonApp[K], read: (v: unknown) => MarathonApp[K] | undefined): MarathonApp[K] =>
    (has(k) ? read(input[k]) : undefined) ?? (base ? base[k] : undefined) ?? dflt
  const app: MarathonApp = {
    id,
    cmd: has('cmd') ? str(input.cmd) : has('args') ? undefined : base?.cmd,
    args: has('args') ? (input.args as string[]) : has('cmd') ? undefined : base?.args,
    user: pick('user', undefined, str),
    instances: pick('instances', 1, num),
    cpus: pick('cpus', 1, num),
    mem: pick('mem', 128, num),
    disk: pick('disk', 0, num),
    gpus: pick('gpus', 0, num),
    executor: pick('executor', '', str),
    constraints: pick('constraints', [], (v) => v as string[][]),
    acceptedResourceRoles: pick('acceptedResourceRoles', undefined, (v) => v as string[]),
    role: pick('role', 'slave_public', str),
    env: pick('env', {}, (v) => v as MarathonApp['env']),
    secrets: pick('secrets', {}, (v) => v as MarathonApp['secrets']),
    labels: pick('labels', {}, strMap),
    container: cont,
    networks,
    portDefinitions: portDefinitions(input, base, hostNet),
    requirePorts: pick('requirePorts', false, bool),
    healthChecks: has('healthChecks') ? arr(input.healthChecks).map(healthCheck) : (base?.healthChecks ?? []),
    readinessChecks: has('readinessChecks') ? arr(input.readinessChecks).map(readinessCheck) : (base?.readinessChecks ?? []),
    dependencies: pick('dependencies', [], (v) => v as string[]),
    upgradeStrategy: has('upgradeStrategy')
      ? {
          minimumHealthCapacity: num((input.upgradeStrategy as Json).minimumHealthCapacity) ?? (resident ? 0.5 : 1),
          maximumOverCapacity: num((input.upgradeStrategy as Json).maximumOverCapacity) ?? (resident ? 0 : 1),
        }
      : (base?.upgradeStrategy ?? (resident ? { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } : { minimumHealthCapacity: 1, maximumOverCapacity: 1 })),
    unreachableStrategy: pick('unreachableStrategy', resident ? 'disabled' : { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 }, (v) =>
      v === 'disabled' ? 'disabled' : isObject(v) ? { inactiveAfterSeconds: num(v.inactiveAfterSeconds) ?? 0, expungeAfterSeconds: num(v.expungeAfterSeconds) ?? 0 } : undefined,
    ),
    killSelection: pick('killSelection', 'YOUNGEST_FIRST', (v) => (v === 'OLDEST_FIRST' || v === 'YOUNGEST_FIRST' ? v : undefined)),
    backoffSeconds: pick('backoffSeconds', 1, num),
    backoffFactor: pick('backoffFactor', 1.15, num),
    maxLaunchDelaySeconds: pick('maxLaunchDelaySeconds', 300, num),
    taskKillGracePeriodSeconds: pick('taskKillGracePeriodSeconds', undefined, num),
    fetch: has('fetch') ? arr(input.fetch).map(fetchUri) : has('uris') ? (input.uris as string[]).map((uri) => fetchUri({ uri })) : (base?.fetch ?? []),
    residency: has('residency')
      ? (input.residency as MarathonApp['residency'])
      : (base?.residency ?? (resident ? { relaunchEscalationTimeoutSeconds: 3600, taskLostBehavior: 'WAIT_FOREVER' } : undefined)),
    tty: pick('tty', undefined, bool),
    version: base?.version ?? '',
    versionInfo: base?.versionInfo ?? { lastScalingAt: '', lastConfigChangeAt: '' },
  }
  return defined(app)
}
