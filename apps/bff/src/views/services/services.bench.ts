/**
 * Services tree and status derivation at DC/OS scale: 10,000 Marathon apps in 1,000 groups
 * (two levels deep), 10 instances each (100,000 tasks), real-shaped `/v2/groups?embed=...`
 * JSON with deployments and queue entries on some apps; plus one service detail with 1,000
 * embedded tasks.
 */
import { bench, describe } from 'vitest'
import type { MarathonApp, MarathonGroup, MarathonQueueItem, MarathonTask } from '../../upstreams/marathon/index.ts'
import { serviceDetail } from './service-detail.ts'
import { flattenServices, indexQueue, toServiceTree } from './to-service-view.ts'

const GROUPS = 1_000
const APPS_PER_GROUP = 10
const INSTANCES = 10

function app(id: string, i: number): MarathonApp {
  const deploying = i % 97 === 0
  return {
    id,
    cmd: 'python3 -m http.server $PORT0',
    instances: INSTANCES,
    cpus: 0.1,
    mem: 64,
    disk: 0,
    gpus: 0,
    labels: i % 50 === 0 ? { DCOS_PACKAGE_NAME: 'kafka', DCOS_PACKAGE_VERSION: '2.9.0', DCOS_COMMONS_API_VERSION: 'v1' } : { team: `team-${i % 7}` },
    container: { type: 'DOCKER', docker: { image: 'nginx:1.27' }, portMappings: [{ containerPort: 80, hostPort: 0, servicePort: 10_000 + i, name: 'http', protocol: 'tcp' }] },
    healthChecks: i % 3 === 0 ? [{ protocol: 'MESOS_HTTP', path: '/', portIndex: 0 }] : [],
    version: '2026-11-25T12:00:00.000Z',
    tasksStaged: deploying ? 2 : 0,
    tasksRunning: deploying ? INSTANCES - 2 : INSTANCES,
    tasksHealthy: i % 3 === 0 ? INSTANCES : 0,
    tasksUnhealthy: i % 301 === 0 ? 1 : 0,
    deployments: deploying ? [{ id: `deployment-${i}` }] : [],
  }
}

function tree(): { root: MarathonGroup; queue: MarathonQueueItem[] } {
  const groups: MarathonGroup[] = []
  const queue: MarathonQueueItem[] = []
  let n = 0
  for (let d = 0; d < GROUPS / 10; d++) {
    const children: MarathonGroup[] = []
    for (let g = 0; g < 10; g++) {
      const gid = `/dept-${d}/team-${g}`
      const apps: MarathonApp[] = []
      for (let a = 0; a < APPS_PER_GROUP; a++, n++) {
        apps.push(app(`${gid}/svc-${a}`, n))
        if (n % 97 === 0) queue.push({ app: { id: `${gid}/svc-${a}` }, count: 2, delay: { timeLeftSeconds: 0, overdue: true } })
      }
      children.push({ id: gid, apps, groups: [] })
    }
    groups.push({ id: `/dept-${d}`, apps: [], groups: children })
  }
  return { root: { id: '/', apps: [], groups }, queue }
}

function bigApp(): MarathonApp {
  const tasks: MarathonTask[] = Array.from({ length: 1_000 }, (_, i) => ({
    id: `web.instance-${i}._app.1`,
    appId: '/web',
    host: `10.0.${1 + Math.floor(i / 250)}.${(i % 250) + 4}`,
    slaveId: `agent-S${i}`,
    state: 'TASK_RUNNING',
    startedAt: '2026-11-25T12:00:03.000Z',
    version: '2026-11-25T12:00:00.000Z',
    ports: [20_000 + i],
    ipAddresses: [{ ipAddress: `10.0.${1 + Math.floor(i / 250)}.${(i % 250) + 4}`, protocol: 'IPv4' }],
    healthCheckResults: [{ alive: true }],
    zone: 'aws/us-west-2a',
    region: 'aws/us-west-2',
  }))
  return { ...app('/web', 1), instances: 1_000, tasksRunning: 1_000, tasks }
}

const { root, queue } = tree()
const web = bigApp()
const opts = { iterations: 10, warmupIterations: 2, time: 0, warmupTime: 0 }

describe(`Services view, ${GROUPS * APPS_PER_GROUP} apps / ${GROUPS * APPS_PER_GROUP * INSTANCES} tasks`, () => {
  bench('toServiceTree + flattenServices (status, health, totals)', () => {
    flattenServices(toServiceTree(root, indexQueue(queue)))
  }, opts)
  bench('serviceDetail (1,000 tasks, endpoints)', () => {
    serviceDetail(web, ['2026-11-25T12:00:00.000Z'], [], undefined)
  }, opts)
})
