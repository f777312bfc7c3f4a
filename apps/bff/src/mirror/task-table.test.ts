import { describe, expect, it } from 'vitest'
import type { V1Task } from '../upstreams/mesos/index.ts'
import { TaskTable } from './task-table.ts'

const task = (id: string, state: string, agent = 'a-S1', fw = 'fw-1'): V1Task => ({
  name: id,
  task_id: { value: id },
  framework_id: { value: fw },
  agent_id: { value: agent },
  state,
  resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 } }],
  statuses: [{ state, timestamp: 100 }],
})

describe('TaskTable', () => {
  it('moves a task from active to completed on a terminal state and keeps counters in step', () => {
    const table = new TaskTable()
    table.add(task('t1', 'TASK_RUNNING'))
    table.add(task('t2', 'TASK_STAGING'))
    expect(table.agentCounters.get('a-S1')).toEqual({ TASK_RUNNING: 1, TASK_STAGING: 1 })
    expect(table.update('t2', 'TASK_RUNNING', { state: 'TASK_RUNNING' })?.agentChanged).toBe(true)
    expect(table.update('t1', 'TASK_RUNNING', { state: 'TASK_RUNNING', healthy: false })).toMatchObject({ agentChanged: false, task: { healthy: false } })
    table.update('t1', 'TASK_FAILED', { state: 'TASK_FAILED', timestamp: 200 })
    expect(table.activeOn('a-S1').map((t) => t.id)).toEqual(['t2'])
    expect(table.completedOn('a-S1').map((t) => t.id)).toEqual(['t1'])
    expect(table.agentCounters.get('a-S1')).toEqual({ TASK_RUNNING: 1, TASK_FAILED: 1 })
    expect(table.frameworkCounters.get('fw-1')).toEqual({ TASK_RUNNING: 1, TASK_FAILED: 1 })
    // A late status of an ended task changes nothing; an unknown task is a gap.
    expect(table.update('t1', 'TASK_FAILED', { state: 'TASK_FAILED' })?.agentChanged).toBe(false)
    expect(table.update('nope', 'TASK_RUNNING', { state: 'TASK_RUNNING' })).toBeNull()
  })

  it('keeps at most the cap of completed tasks per framework, like the master, and uncounts evicted ones', () => {
    const table = new TaskTable(3)
    for (let i = 0; i < 5; i++) table.add(task(`f${i}`, 'TASK_FINISHED'))
    table.add(task('other', 'TASK_FINISHED', 'a-S1', 'fw-2'))
    expect(table.completedOn('a-S1').map((t) => t.id).sort()).toEqual(['f2', 'f3', 'f4', 'other'])
    expect(table.frameworkCounters.get('fw-1')).toEqual({ TASK_FINISHED: 3 })
    expect(table.agentCounters.get('a-S1')).toEqual({ TASK_FINISHED: 4 })
  })

  it('leaves GONE and DROPPED out of the counters, as state-summary does', () => {
    const table = new TaskTable()
    table.add(task('g', 'TASK_RUNNING'))
    table.update('g', 'TASK_GONE', { state: 'TASK_GONE' })
    expect(table.agentCounters.get('a-S1') ?? {}).toEqual({})
    expect(table.activeCount).toBe(0)
  })
})
