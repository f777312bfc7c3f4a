import { describe, expect, it } from 'vitest'
import type { MesosAgentState } from '../../upstreams/mesos/index.ts'
import { findSandbox, logWindow } from './sandbox.ts'

const FW = 'a087eaf3-0000'
const state: MesosAgentState = {
  id: 'a087eaf3-S1',
  frameworks: [
    {
      id: FW,
      executors: [
        { id: 'web.instance-1._app.1', directory: '/var/lib/mesos/slave/slaves/S1/frameworks/F/executors/web.instance-1._app.1/runs/c1', tasks: [{ id: 'web.instance-1._app.1' }] },
        { id: 'kafka__exec', directory: '/sandbox/kafka-exec', tasks: [], queued_tasks: [{ id: 'kafka-0-broker__u' }] },
      ],
      completed_executors: [{ id: 'old', directory: '/sandbox/old', completed_tasks: [{ id: 'old-task' }] }],
    },
  ],
  completed_frameworks: [{ id: 'gone-fw', executors: [], completed_executors: [{ id: 'job', directory: '/sandbox/job', completed_tasks: [{ id: 'job-task' }] }] }],
}

describe('findSandbox', () => {
  it('finds running, queued and completed tasks in active and completed frameworks', () => {
    expect(findSandbox(state, FW, 'web.instance-1._app.1')).toMatch(/runs\/c1$/)
    expect(findSandbox(state, FW, 'kafka-0-broker__u')).toBe('/sandbox/kafka-exec')
    expect(findSandbox(state, FW, 'old-task')).toBe('/sandbox/old')
    expect(findSandbox(state, 'gone-fw', 'job-task')).toBe('/sandbox/job')
    expect(findSandbox(state, FW, 'unknown')).toBeNull()
    expect(findSandbox(state, 'other-fw', 'web.instance-1._app.1')).toBeNull()
  })
})

describe('logWindow', () => {
  it('tails, pages back with before and forward with offset, clamped to the file', () => {
    expect(logWindow(1000, 100, {})).toEqual({ offset: 900, length: 100 })
    expect(logWindow(50, 100, {})).toEqual({ offset: 0, length: 50 })
    expect(logWindow(1000, 100, { before: 900 })).toEqual({ offset: 800, length: 100 })
    expect(logWindow(1000, 100, { before: 5000 })).toEqual({ offset: 900, length: 100 })
    expect(logWindow(1000, 100, { offset: 950 })).toEqual({ offset: 950, length: 50 })
    expect(logWindow(1000, 100, { offset: 2000 })).toEqual({ offset: 1000, length: 0 })
  })
})
