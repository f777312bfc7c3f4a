import { describe, expect, it } from 'vitest'
import type { NodeTaskView, TaskStateName } from '@meridian/api'
import { splitNodeTasks } from './split-node-tasks.ts'

const task = (id: string, state: TaskStateName, updatedAt: number | null): NodeTaskView => ({ id, name: id, frameworkId: 'f', frameworkName: 'marathon', state, healthy: null, resources: { cpus: 0.1, mem: 32, disk: 0, gpus: 0 }, updatedAt })

describe('splitNodeTasks', () => {
  it('puts running, staging, killing and unreachable tasks in active, terminal ones newest first in completed', () => {
    const { active, completed } = splitNodeTasks([
      task('a', 'TASK_RUNNING', 5),
      task('old', 'TASK_FINISHED', 1),
      task('b', 'TASK_KILLING', 6),
      task('new', 'TASK_FAILED', 9),
      task('c', 'TASK_UNREACHABLE', 2),
      task('gone', 'TASK_GONE_BY_OPERATOR', null),
    ])
    expect(active.map((t) => t.id)).toEqual(['a', 'b', 'c'])
    expect(completed.map((t) => t.id)).toEqual(['new', 'old', 'gone'])
  })
})
