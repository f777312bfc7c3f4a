/**
 * Demo services: a few realistic apps in groups, plus one that waits for resources
 * (`/dev/ml/trainer`, 64 cpus: `/v2/queue` explains the declined offers) and one whose
 * health checks fail (`/dev/legacy/reports`, see MERIDIAN_SIM_* labels in health-sim.ts).
 */
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.ts'

const httpCheck = (path: string, extra: Record<string, unknown> = {}) => ({
  protocol: 'MESOS_HTTP',
  path,
  portIndex: 0,
  gracePeriodSeconds: 60,
  intervalSeconds: 20,
  timeoutSeconds: 10,
  maxConsecutiveFailures: 3,
  delaySeconds: 5,
  ...extra,
})

export const DEMO_APPS: Array<Record<string, unknown>> = [
  {
    id: '/prod/web/frontend',
    instances: 2,
    cpus: 0.5,
    mem: 256,
    acceptedResourceRoles: ['slave_public'],
    container: { type: 'DOCKER', docker: { image: 'nginx:1.25-alpine' }, portMappings: [{ containerPort: 80, hostPort: 0, name: 'http', protocol: 'tcp' }] },
    networks: [{ mode: 'container/bridge' }],
    healthChecks: [httpCheck('/healthz')],
    labels: { HAPROXY_GROUP: 'external', DCOS_SERVICE_NAME: 'frontend', DCOS_SERVICE_PORT_INDEX: '0', DCOS_SERVICE_SCHEME: 'http' },
  },
  {
    id: '/prod/api/orders',
    instances: 3,
    cpus: 1,
    mem: 1024,
    cmd: 'java -Xmx768m -jar orders-service.jar --port $PORT0',
    fetch: [{ uri: 'https://artifacts.example.com/orders-service-2.4.1.jar', extract: false }],
    portDefinitions: [{ port: 0, name: 'http', protocol: 'tcp' }],
    healthChecks: [httpCheck('/health', { protocol: 'HTTP' })],
    constraints: [['hostname', 'UNIQUE']],
    env: { SPRING_PROFILES_ACTIVE: 'prod', DB_PASSWORD: { secret: 'dbpass' } },
    secrets: { dbpass: { source: 'prod/orders/db-password' } },
    upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0.2 },
    labels: { team: 'checkout' },
  },
  {
    id: '/prod/api/payments',
    instances: 2,
    cpus: 0.5,
    mem: 768,
    container: { type: 'MESOS', docker: { image: 'registry.example.com/payments:3.1.0' } },
    portDefinitions: [{ port: 0, name: 'grpc', protocol: 'tcp' }],
    healthChecks: [{ protocol: 'MESOS_TCP', portIndex: 0, gracePeriodSeconds: 60, intervalSeconds: 20, delaySeconds: 5 }],
    labels: { team: 'checkout' },
  },
  {
    id: '/dev/batch/ingest',
    instances: 1,
    cpus: 2,
    mem: 2048,
    disk: 4096,
    cmd: './ingest --source s3://datalake/raw --sink kafka://broker.kafka.l4lb.thisdcos.directory:9092',
    labels: { team: 'data' },
  },
  {
    id: '/analytics/spark-history',
    instances: 1,
    cpus: 1,
    mem: 1536,
    container: { type: 'DOCKER', docker: { image: 'mesosphere/spark:2.12.0-3.0.1-scala-2.12-hadoop-3.2' } },
    cmd: '/opt/spark/bin/spark-class org.apache.spark.deploy.history.HistoryServer',
    portDefinitions: [{ port: 0, name: 'ui', protocol: 'tcp' }],
    healthChecks: [httpCheck('/', { protocol: 'HTTP' })],
    labels: { DCOS_SERVICE_NAME: 'spark-history', DCOS_SERVICE_PORT_INDEX: '0', DCOS_SERVICE_SCHEME: 'http' },
  },
  {
    id: '/dev/ml/trainer',
    instances: 1,
    cpus: 64,
    mem: 262144,
    gpus: 0,
    cmd: 'python train.py --epochs 200',
    labels: { team: 'ml' },
  },
  {
    id: '/dev/legacy/reports',
    instances: 1,
    cpus: 0.25,
    mem: 512,
    cmd: './reports-server --port $PORT0',
    healthChecks: [{ protocol: 'HTTP', path: '/status', portIndex: 0, gracePeriodSeconds: 30, intervalSeconds: 15, maxConsecutiveFailures: 5, delaySeconds: 5 }],
    labels: { MERIDIAN_SIM_HEALTH: 'unhealthy', team: 'finance' },
  },
]

/** Creates the demo apps through the same path as `POST /v2/apps`. */
export function seedDemoApps(m: MarathonScheduler): void {
  for (const raw of DEMO_APPS) m.createApp(raw, false)
}
