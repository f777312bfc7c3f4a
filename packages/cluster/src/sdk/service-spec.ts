/**
 * The ServiceSpec an SDK scheduler derives from its svc.yml and environment. Real schedulers
 * render svc.yml with the Marathon app's env (BROKER_COUNT, NODES, ...); the emulation knows the
 * shape of each framework's svc.yml (dcos-kafka-service, dcos-commons cassandra/hdfs/hello-world)
 * and reads the same env variables.
 */
import { DATA_NODE_PACE, LIGHT_TASK_PACE, type TaskPace } from './pacing.ts'

export interface TaskSpec {
  name: string
  goal: 'RUNNING' | 'ONCE'
  cpus: number
  mem: number
  ports: Array<{ name: string; port: number; vip?: string }>
}

export interface PodSpec {
  type: string
  count: number
  /** MB of the persistent volume reserved for the pod (0 = none) */
  diskMb: number
  volumePath: string
  /** at most one instance per agent (hostname:UNIQUE / hostname:MAX_PER:1) */
  uniqueHost: boolean
  tasks: TaskSpec[]
  /** how long its RUNNING-goal tasks take to start and pass readiness (pacing.ts) */
  pace: TaskPace
}

export interface PhaseSpec {
  name: string
  pod: string
  strategy: 'serial' | 'parallel'
  /** task names each step launches; `instanceTasks(i)` may differ per instance (Cassandra keyspaces) */
  tasks: (index: number) => string[]
}

export interface ServiceSpec {
  name: string
  role: string
  principal: string
  user: string
  packageName: string
  packageVersion: string
  pods: PodSpec[]
  deploy: { strategy: 'serial' | 'parallel'; phases: PhaseSpec[] }
  /** custom endpoints answered as plain text (Kafka `zookeeper`) */
  textEndpoints: Record<string, string>
  /**
   * Cassandra's seed nodes: the first `count` instances of `pod` (CassandraSeedUtils,
   * LOCAL_SEEDS_COUNT, default 2), served by `GET /v1/seeds` (SeedsResource).
   */
  seeds?: { pod: string; task: string; count: number }
  /**
   * Set when ENABLE_AUTOMATIC_POD_REPLACEMENT is on (Cassandra's replacement failure policy):
   * a pod unreachable this long is replaced; otherwise unreachable pods just wait.
   */
  permanentFailureTimeoutMs?: number
  uninstall: boolean
}

type Env = Record<string, string>
type FrameworkParts = Pick<ServiceSpec, 'pods' | 'deploy' | 'textEndpoints' | 'seeds'>

const num = (env: Env, key: string, dflt: number): number => {
  const v = Number(env[key])
  return env[key] !== undefined && env[key] !== '' && Number.isFinite(v) ? v : dflt
}

const strategy = (v: string | undefined): 'serial' | 'parallel' => (v === 'parallel' ? 'parallel' : 'serial')

function uniqueHost(placement: string | undefined): boolean {
  if (!placement) return false
  return /"hostname"\s*,\s*"(UNIQUE|MAX_PER"\s*,\s*"1)"/i.test(placement) || /hostname:UNIQUE/i.test(placement)
}

function kafka(env: Env): FrameworkParts {
  const name = env.FRAMEWORK_NAME ?? 'kafka'
  const pod: PodSpec = {
    type: 'kafka',
    count: num(env, 'BROKER_COUNT', 3),
    diskMb: num(env, 'BROKER_DISK_SIZE', 5000),
    volumePath: env.BROKER_DISK_PATH ?? 'kafka-broker-data',
    uniqueHost: uniqueHost(env.PLACEMENT_CONSTRAINTS ?? '[["hostname", "MAX_PER", "1"]]'),
    pace: DATA_NODE_PACE,
    tasks: [{ name: 'broker', goal: 'RUNNING', cpus: num(env, 'BROKER_CPUS', 1), mem: num(env, 'BROKER_MEM', 2048), ports: [{ name: 'broker', port: num(env, 'BROKER_PORT', 0), vip: 'broker:9092' }] }],
  }
  return {
    pods: [pod],
    deploy: { strategy: 'serial', phases: [{ name: 'broker', pod: 'kafka', strategy: strategy(env.DEPLOY_STRATEGY), tasks: () => ['broker'] }] },
    textEndpoints: { zookeeper: `${env.KAFKA_ZOOKEEPER_URI || 'master.mesos:2181'}/dcos-service-${name.replace(/\//g, '__')}` },
  }
}

function cassandra(env: Env): FrameworkParts {
  const pod: PodSpec = {
    type: 'node',
    count: num(env, 'NODES', 3),
    diskMb: num(env, 'CASSANDRA_DISK_MB', 10240),
    volumePath: 'container-path',
    uniqueHost: uniqueHost(env.PLACEMENT_CONSTRAINT ?? '[["hostname", "MAX_PER", "1"]]'),
    pace: DATA_NODE_PACE,
    tasks: [
      { name: 'server', goal: 'RUNNING', cpus: num(env, 'CASSANDRA_CPUS', 0.5), mem: num(env, 'CASSANDRA_MEMORY_MB', 4096), ports: [{ name: 'native-client', port: num(env, 'TASKCFG_ALL_CASSANDRA_NATIVE_TRANSPORT_PORT', 9042), vip: 'node:9042' }] },
      { name: 'init_system_keyspaces', goal: 'ONCE', cpus: 0.1, mem: 256, ports: [] },
    ],
  }
  return {
    pods: [pod],
    deploy: {
      strategy: 'serial',
      phases: [
        { name: 'node-deploy', pod: 'node', strategy: strategy(env.DEPLOY_STRATEGY), tasks: () => ['server'] },
        { name: 'keyspace-deploy', pod: 'node', strategy: 'serial', tasks: (i) => (i === 0 ? ['init_system_keyspaces'] : []) },
      ],
    },
    textEndpoints: {},
    seeds: { pod: 'node', task: 'server', count: num(env, 'LOCAL_SEEDS_COUNT', 2) },
  }
}

function hdfs(env: Env): FrameworkParts {
  const pod = (type: string, prefix: string, count: number, port: number): PodSpec => ({
    type,
    count,
    diskMb: num(env, `${prefix}_DISK`, 5000),
    volumePath: `${type}-data`,
    uniqueHost: true,
    pace: DATA_NODE_PACE,
    tasks: [{ name: 'node', goal: 'RUNNING', cpus: num(env, `${prefix}_CPUS`, 0.5), mem: num(env, `${prefix}_MEM`, 2048), ports: [{ name: `${type}-http`, port }] }],
  })
  const pods = [
    pod('journal', 'JOURNAL', num(env, 'JOURNAL_NODE_COUNT', 3), num(env, 'TASKCFG_ALL_JOURNAL_NODE_HTTP_PORT', 8480)),
    pod('name', 'NAME', 2, num(env, 'TASKCFG_ALL_NAME_NODE_HTTP_PORT', 9002)),
    pod('data', 'DATA', num(env, 'DATA_COUNT', 3), num(env, 'TASKCFG_ALL_DATA_NODE_HTTP_PORT', 9004)),
  ]
  const s = strategy(env.DEPLOY_STRATEGY)
  return {
    pods,
    deploy: { strategy: 'serial', phases: pods.map((p) => ({ name: p.type, pod: p.type, strategy: p.type === 'data' ? s : 'serial', tasks: () => ['node'] })) },
    textEndpoints: { 'hdfs-site.xml': '<configuration></configuration>', 'core-site.xml': '<configuration></configuration>' },
  }
}

function helloWorld(env: Env): FrameworkParts {
  const pods: PodSpec[] = [
    { type: 'hello', count: num(env, 'HELLO_COUNT', 1), diskMb: num(env, 'HELLO_DISK', 25), volumePath: 'hello-container-path', uniqueHost: uniqueHost(env.HELLO_PLACEMENT), pace: LIGHT_TASK_PACE, tasks: [{ name: 'server', goal: 'RUNNING', cpus: num(env, 'HELLO_CPUS', 0.1), mem: num(env, 'HELLO_MEM', 252), ports: [] }] },
    { type: 'world', count: num(env, 'WORLD_COUNT', 2), diskMb: num(env, 'WORLD_DISK', 50), volumePath: 'world-container-path', uniqueHost: uniqueHost(env.WORLD_PLACEMENT), pace: LIGHT_TASK_PACE, tasks: [{ name: 'server', goal: 'RUNNING', cpus: num(env, 'WORLD_CPUS', 0.2), mem: num(env, 'WORLD_MEM', 512), ports: [] }] },
  ]
  return { pods, deploy: { strategy: 'serial', phases: pods.map((p) => ({ name: p.type, pod: p.type, strategy: 'serial', tasks: () => ['server'] })) }, textEndpoints: {} }
}

const FRAMEWORKS: Record<string, (env: Env) => FrameworkParts> = {
  kafka,
  'confluent-kafka': kafka,
  cassandra,
  hdfs,
  'hello-world': helloWorld,
}

/** Whether an app's package is an SDK framework the emulation can run. */
export function isEmulatedFramework(packageName: string | undefined): boolean {
  return packageName !== undefined && packageName in FRAMEWORKS
}

/** Builds the ServiceSpec from the scheduler app's env (the same variables svc.yml reads). */
export function serviceSpecFromEnv(serviceName: string, packageName: string, env: Env): ServiceSpec {
  const build = FRAMEWORKS[packageName] ?? helloWorld
  const role = `${serviceName.replace(/^\//, '').replace(/\//g, '__')}-role`
  return {
    name: serviceName,
    role,
    // Cassandra's svc.yml reads SERVICE_PRINCIPAL/SERVICE_USER; the others FRAMEWORK_*.
    principal: env.FRAMEWORK_PRINCIPAL || env.SERVICE_PRINCIPAL || `${serviceName}-principal`,
    user: env.FRAMEWORK_USER || env.SERVICE_USER || 'nobody',
    packageName,
    packageVersion: env.PACKAGE_VERSION ?? '',
    ...build({ ...env, FRAMEWORK_NAME: env.FRAMEWORK_NAME ?? serviceName }),
    ...(env.ENABLE_AUTOMATIC_POD_REPLACEMENT === 'true' ? { permanentFailureTimeoutMs: num(env, 'PERMANENT_FAILURE_TIMEOUT_SECS', 1200) * 1000 } : {}),
    uninstall: env.SDK_UNINSTALL === 'true',
  }
}

/** The part of a spec that, when changed, requires pods to be relaunched (config target). */
export function podFingerprint(pod: PodSpec): string {
  return JSON.stringify({ d: pod.diskMb, t: pod.tasks.map((t) => [t.name, t.cpus, t.mem, t.ports.map((p) => p.port)]) })
}
