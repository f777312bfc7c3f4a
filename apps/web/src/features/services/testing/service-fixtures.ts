/** Real-shaped service views as GET /api/services and /api/services/:id return them. */
import type { ServiceDetailView, ServiceGroupView, ServiceView } from '@meridian/api'

export function makeService(id: string, patch: Partial<ServiceView> = {}): ServiceView {
  return {
    id,
    name: id.split('/').pop()!,
    status: 'Running',
    health: 'Healthy',
    instances: 2,
    tasks: { staged: 0, running: 2, healthy: 2, unhealthy: 0 },
    resources: { cpus: 0.5, mem: 256, disk: 0, gpus: 0 },
    image: 'nginx:1.27',
    cmd: null,
    version: '2026-11-25T10:00:00.000Z',
    labels: {},
    deploymentIds: [],
    package: null,
    sdk: false,
    ...patch,
  }
}

const zero = { cpus: 0, mem: 0, disk: 0, gpus: 0 }

export function makeTree(): { root: ServiceGroupView } {
  const web = makeService('/prod/web')
  const api = makeService('/prod/api', { status: 'Deploying', health: 'Unhealthy', tasks: { staged: 1, running: 1, healthy: 0, unhealthy: 1 } })
  const batch = makeService('/batch', { status: 'Suspended', health: 'Unknown', instances: 0, tasks: { staged: 0, running: 0, healthy: 0, unhealthy: 0 } })
  return {
    root: {
      id: '/',
      name: '/',
      services: [batch],
      groups: [{ id: '/prod', name: 'prod', groups: [], services: [api, web], summary: { services: 2, running: 3, unhealthy: 1, resources: { ...zero, cpus: 2, mem: 1024 } } }],
      summary: { services: 3, running: 3, unhealthy: 1, resources: { ...zero, cpus: 2, mem: 1024 } },
    },
  }
}

export function makeServiceDetail(patch: Partial<ServiceDetailView> = {}): ServiceDetailView {
  return {
    ...makeService('/prod/web'),
    definition: { id: '/prod/web', instances: 2, cpus: 0.5, mem: 256, container: { type: 'DOCKER', docker: { image: 'nginx:1.27' } } },
    taskList: [
      {
        id: 'prod_web.instance-1f0e3c7a-aa11-11ef-8d2f-0242ac110002._app.1',
        agentId: 'a1b2-S3',
        host: '10.0.1.4',
        state: 'TASK_RUNNING',
        healthy: true,
        healthCheck: { alive: true, consecutiveFailures: 0, lastFailureCause: null, lastFailure: null, lastSuccess: '2026-11-25T10:05:00.000Z' },
        ports: [10001],
        ipAddresses: ['10.0.1.4'],
        version: '2026-11-25T10:00:00.000Z',
        startedAt: '2026-11-25T10:00:05.000Z',
        zone: 'us-west-2a',
        region: 'us-west-2',
      },
    ],
    versions: ['2026-11-25T10:00:00.000Z', '2026-11-24T09:00:00.000Z'],
    deployments: [],
    lastTaskFailure: null,
    queue: null,
    endpoints: [{ name: 'http', protocol: 'tcp', addresses: ['10.0.1.4:10001'], servicePort: 10000 }],
    ...patch,
  }
}
