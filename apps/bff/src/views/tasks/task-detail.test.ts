import { describe, expect, it } from 'vitest'
import type { V1Task } from '../../upstreams/mesos/index.ts'
import { AGENT_PRIVATE, FRAMEWORK_MARATHON, getTasks, stateSummary } from '../../testing/fixtures/mesos.ts'
import { commandOf, findV1Task, marathonAppIdOf, toTaskDetail } from './task-detail.ts'

const sandbox = { directory: '/var/lib/mesos/slave/slaves/S1/frameworks/F/executors/E/runs/latest', files: [], error: null }
const WEB = 'prod_web.instance-6f0e1f3a-cafe-11ef-9a1c-0242ac110002._app.1'

describe('marathonAppIdOf', () => {
  it('reads the app id from Marathon task ids (instance and legacy forms, nested groups)', () => {
    expect(marathonAppIdOf(WEB)).toBe('/prod/web')
    expect(marathonAppIdOf('prod_api_orders.6f0e1f3a-cafe-11ef-9a1c-0242ac110002')).toBe('/prod/api/orders')
    expect(marathonAppIdOf('kafka-0-broker__4b6e6d2c-0c1b-4c59-9a4e-6d9f5d2b1a11')).toBeNull()
  })
})

describe('commandOf', () => {
  it('prefers cmd, falls back to args, null without an app', () => {
    expect(commandOf({ id: '/a', cmd: 'sleep 10', args: ['x'] })).toBe('sleep 10')
    expect(commandOf({ id: '/a', cmd: null, args: ['nginx', '-g', 'daemon off;'] })).toBe('nginx -g daemon off;')
    expect(commandOf(null)).toBeNull()
  })
})

describe('toTaskDetail', () => {
  it('finds tasks in every list and builds the detail with names, health, ports and status history', () => {
    const t = findV1Task(getTasks, WEB)!
    const d = toTaskDetail(t, { summary: stateSummary, app: { id: '/prod/web', cmd: 'python3 -m http.server $PORT0' }, sandbox })
    expect(d).toMatchObject({
      id: WEB,
      name: 'web',
      state: 'TASK_RUNNING',
      healthy: true,
      frameworkId: FRAMEWORK_MARATHON,
      frameworkName: 'marathon',
      serviceId: '/prod/web',
      agentId: AGENT_PRIVATE,
      host: '10.0.1.4',
      resources: { cpus: 0.1, mem: 128, disk: 0, gpus: 0 },
      ports: [{ number: 3000, name: null, protocol: 'tcp' }],
      command: 'python3 -m http.server $PORT0',
      startedAt: 1764072012250,
      updatedAt: 1764072012250,
      sandbox,
    })
    expect(d.statuses.map((s) => s.state)).toEqual(['TASK_STARTING', 'TASK_RUNNING'])
    expect(findV1Task(getTasks, 'nope')).toBeNull()
  })

  it('keeps the message and reason of a failed task', () => {
    const failed = findV1Task(getTasks, 'prod_web.instance-11111111-cafe-11ef-9a1c-0242ac110002._app.1')!
    const d = toTaskDetail(failed, { summary: stateSummary, app: null, sandbox })
    expect(d.state).toBe('TASK_FAILED')
    expect(d.statuses[0]).toEqual({ state: 'TASK_FAILED', timestamp: 1764072005000, message: 'Command exited with status 1', reason: 'REASON_COMMAND_EXECUTOR_FAILED', source: 'SOURCE_EXECUTOR', healthy: null })
    expect(d.startedAt).toBeNull()
    expect(d.healthy).toBeNull()
  })

  it('reads named discovery ports, the container image, the health check, and unknown agents/frameworks', () => {
    const t: V1Task = {
      name: 'kafka-0-broker',
      task_id: { value: 'kafka-0-broker__4b6e6d2c' },
      framework_id: { value: 'fw-kafka' },
      agent_id: { value: 'gone-S9' },
      state: 'TASK_RUNNING',
      discovery: { name: 'kafka-0-broker', ports: { ports: [{ number: 1025, name: 'broker', protocol: 'tcp' }] } },
      container: { type: 'MESOS', mesos: { image: { type: 'DOCKER', docker: { name: 'confluentinc/cp-kafka:7.6' } } } },
      health_check: { type: 'TCP', interval_seconds: 60, tcp: { port: 1025 } },
      labels: { labels: [{ key: 'goal_state', value: 'RUNNING' }] },
      statuses: [{ state: 'TASK_RUNNING', timestamp: 10, container_status: { network_infos: [{ ip_addresses: [{ ip_address: '9.0.0.3' }] }] } }],
    }
    const d = toTaskDetail(t, { summary: stateSummary, app: null, sandbox })
    expect(d.ports).toEqual([{ number: 1025, name: 'broker', protocol: 'tcp' }])
    expect(d.container).toEqual({ type: 'MESOS', image: 'confluentinc/cp-kafka:7.6' })
    expect(d.healthCheck).toEqual({ type: 'TCP', target: 'tcp :1025', intervalSeconds: 60 })
    expect(d.labels).toEqual([{ key: 'goal_state', value: 'RUNNING' }])
    expect(d.ipAddresses).toEqual(['9.0.0.3'])
    expect(d).toMatchObject({ host: null, frameworkName: null, serviceId: null })
  })

  it("shows Marathon's own HTTP check and its result for a Marathon task Mesos has no check for", () => {
    const t = { ...findV1Task(getTasks, WEB)!, health_check: undefined, statuses: [{ state: 'TASK_RUNNING' as const, timestamp: 10 }] }
    const app = {
      id: '/prod/web',
      cmd: 'serve',
      healthChecks: [{ protocol: 'HTTP', path: '/health', portIndex: 0, intervalSeconds: 10 }],
      tasks: [{ id: WEB, appId: '/prod/web', host: '10.0.1.4', healthCheckResults: [{ alive: false, consecutiveFailures: 2, lastFailureCause: '503 Service Unavailable' }] }],
    }
    const d = toTaskDetail(t, { summary: stateSummary, app, sandbox })
    expect(d.healthCheck).toEqual({ type: 'HTTP', target: 'http port #0/health', intervalSeconds: 10 })
    expect(d.healthy).toBe(false)
    expect(toTaskDetail(t, { summary: stateSummary, app: { id: '/prod/web', cmd: 'serve' }, sandbox })).toMatchObject({ healthCheck: null, healthy: null })
  })
})
