import { describe, expect, it } from 'vitest'
import { AGENT_PRIVATE, stateSummary } from '../../testing/fixtures/mesos.ts'
import { toPodsView } from './to-pods-view.ts'

describe('toPodsView', () => {
  it('joins SDK pod status with Mesos tasks, Mesos state winning, pods ordered by type and index', () => {
    const view = toPodsView(
      '/kafka',
      {
        service: 'kafka',
        pods: [
          {
            name: 'kafka',
            instances: [
              { name: 'kafka-10', tasks: [{ name: 'kafka-10-broker', status: 'STAGING' }] },
              { name: 'kafka-2', tasks: [{ id: 'kafka-2-broker__b', name: 'kafka-2-broker', status: 'RUNNING' }] },
            ],
          },
        ],
      },
      [
        {
          id: 'kafka-2-broker__b',
          framework_id: 'fw',
          slave_id: AGENT_PRIVATE,
          state: 'TASK_KILLING',
          resources: { cpus: 1, mem: 2048, disk: 5000, gpus: 0 },
          statuses: [
            { state: 'TASK_RUNNING', timestamp: 100, healthy: true },
            { state: 'TASK_KILLING', timestamp: 101.5 },
          ],
        },
      ],
      stateSummary,
    )
    expect(view.service).toBe('/kafka')
    expect(view.pods.map((p) => p.name)).toEqual(['kafka-2', 'kafka-10'])
    expect(view.pods[0]!.tasks[0]).toEqual({
      name: 'kafka-2-broker',
      id: 'kafka-2-broker__b',
      state: 'TASK_KILLING',
      healthy: true,
      agentId: AGENT_PRIVATE,
      host: '10.0.1.4',
      resources: { cpus: 1, mem: 2048, disk: 5000, gpus: 0 },
      updatedAt: 101500,
    })
    expect(view.pods[1]!.tasks[0]).toMatchObject({ id: null, state: 'TASK_STAGING', host: null, resources: { cpus: 0, mem: 0, disk: 0, gpus: 0 } })
  })
})
