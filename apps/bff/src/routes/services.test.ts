import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { loginAs } from '../testing/login.ts'
import { recordedUpstream } from '../testing/recorded-upstream.ts'

const webApp = {
  id: '/prod/web', cmd: 'python3 -m http.server $PORT0', instances: 2, cpus: 0.1, mem: 128, disk: 0, gpus: 0,
  portDefinitions: [{ port: 10000, name: 'http', protocol: 'tcp' }], healthChecks: [{ protocol: 'HTTP', path: '/', portIndex: 0 }],
  labels: {}, version: '2026-11-25T12:00:00.000Z', versionInfo: { lastScalingAt: '2026-11-25T12:00:00.000Z', lastConfigChangeAt: '2026-11-25T12:00:00.000Z' },
  tasksStaged: 0, tasksRunning: 1, tasksHealthy: 1, tasksUnhealthy: 0, deployments: [{ id: 'dep-1' }],
  tasks: [{ id: 'prod_web.instance-6f0e1f3a-cafe-11ef-9a1c-0242ac110002._app.1', appId: '/prod/web', host: '10.0.1.4', slaveId: 'S1', state: 'TASK_RUNNING', ports: [31001], healthCheckResults: [{ alive: true, consecutiveFailures: 0, lastSuccess: '2026-11-25T12:01:00.000Z', lastFailure: null, lastFailureCause: null }], version: '2026-11-25T12:00:00.000Z', startedAt: '2026-11-25T12:00:05.000Z' }],
  lastTaskFailure: { appId: '/prod/web', host: '10.0.1.4', message: 'Command exited with status 1', state: 'TASK_FAILED', taskId: 'prod_web.instance-1._app.1', timestamp: '2026-11-25T11:59:00.000Z', version: '2026-11-25T11:00:00.000Z' },
}

function setup() {
  const up = recordedUpstream({
    'GET /service/marathon/v2/groups': { id: '/', apps: [], groups: [{ id: '/prod', apps: [webApp], groups: [], pods: [] }], pods: [] },
    'GET /service/marathon/v2/queue': { queue: [] },
    'GET /service/marathon/v2/apps/prod/web': { app: webApp },
    'GET /service/marathon/v2/apps/prod/web/versions': { versions: ['2026-11-25T12:00:00.000Z', '2026-11-25T11:00:00.000Z'] },
    'GET /service/marathon/v2/deployments': [{ id: 'dep-1', version: '2026-11-25T12:00:00.000Z', affectedApps: ['/prod/web'], affectedPods: [], steps: [{ actions: [{ action: 'ScaleApplication', app: '/prod/web' }] }], currentActions: [{ action: 'ScaleApplication', app: '/prod/web' }], currentStep: 1, totalSteps: 1 }],
    'POST /service/marathon/v2/apps': () =>
      Response.json({ message: 'Object is not valid', details: [{ path: '/mem', errors: ['got -1, expected 0.0 or more'] }] }, { status: 422 }),
    'PUT /service/marathon/v2/apps/prod/web': () => Response.json({ deploymentId: 'dep-2', version: '2026-11-25T12:01:00.000Z' }, { headers: { 'marathon-deployment-id': 'dep-2' } }),
  })
  const app = createApp({ clusterUrl: 'http://cluster.test', fetch: up.fetch })
  return { up, fetcher: app.request.bind(app) }
}

describe('/api/services', () => {
  it('returns the group tree with derived status and health', async () => {
    const { fetcher } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    const body = await (await viewer.request('/api/services')).json()
    expect(body.root.groups[0].services[0]).toMatchObject({ id: '/prod/web', status: 'Deploying', health: 'Healthy', tasks: { running: 1 } })
  })

  it('returns detail with tasks, versions, deployments, last failure and endpoints', async () => {
    const { fetcher } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    const res = await viewer.request(`/api/services/${encodeURIComponent('/prod/web')}`)
    expect(res.status).toBe(200)
    const d = await res.json()
    expect(d.versions).toHaveLength(2)
    expect(d.deployments[0]).toMatchObject({ id: 'dep-1', currentStep: 1, totalSteps: 1 })
    expect(d.lastTaskFailure.message).toBe('Command exited with status 1')
    expect(d.endpoints).toEqual([{ name: 'http', protocol: 'tcp', servicePort: 10000, addresses: ['10.0.1.4:31001'] }])
    expect(d.definition.tasks).toBeUndefined()
    expect(d.taskList[0].healthy).toBe(true)
    expect(d.taskList[0].healthCheck).toEqual({ alive: true, consecutiveFailures: 0, lastFailureCause: null, lastFailure: null, lastSuccess: '2026-11-25T12:01:00.000Z' })
  })

  it('rejects ids that could leave the Marathon API with 400 and calls nothing', async () => {
    const { fetcher, up } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    for (const bad of ['../../x', '/prod/../../mesos', 'prod/web', '/Prod']) {
      const res = await viewer.request(`/api/services/${encodeURIComponent(bad)}`)
      expect(res.status, bad).toBe(400)
    }
    expect(up.calls).toHaveLength(0)
  })

  it('surfaces Marathon 422 details per field', async () => {
    const { fetcher } = setup()
    const operator = await loginAs(fetcher, 'operator')
    const res = await operator.request('/api/services', { method: 'POST', json: { id: '/prod/api', cmd: 'x', mem: -1 } })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: { kind: 'UpstreamRejected', message: 'Object is not valid', details: [{ path: '/mem', errors: ['got -1, expected 0.0 or more'] }], upstream: { name: 'marathon', status: 422, message: 'Object is not valid' } },
    })
  })

  it('scales for operators (PUT instances), and forbids viewers', async () => {
    const { fetcher, up } = setup()
    const viewer = await loginAs(fetcher, 'viewer')
    expect((await viewer.request(`/api/services/${encodeURIComponent('/prod/web')}/scale`, { method: 'POST', json: { instances: 3 } })).status).toBe(403)
    expect(up.calls).toHaveLength(0)
    const operator = await loginAs(fetcher, 'operator')
    const res = await operator.request(`/api/services/${encodeURIComponent('/prod/web')}/scale`, { method: 'POST', json: { instances: 3 } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ deploymentId: 'dep-2', version: '2026-11-25T12:01:00.000Z' })
    expect(JSON.parse(up.calls.at(-1)!.body!)).toEqual({ instances: 3, id: '/prod/web' })
    expect((await operator.request(`/api/services/${encodeURIComponent('/prod/web')}/scale`, { method: 'POST', json: { instances: -1 } })).status).toBe(400)
  })
})
