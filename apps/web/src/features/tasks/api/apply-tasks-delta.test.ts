import { describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { applyTasksDelta } from './apply-tasks-delta.ts'
import { taskKeys } from './get-task.ts'

describe('applyTasksDelta', () => {
  it('marks only the changed task stale', () => {
    const qc = new QueryClient()
    qc.setQueryData(taskKeys.detail('a.1'), { id: 'a.1' })
    qc.setQueryData(taskKeys.detail('b.1'), { id: 'b.1' })
    applyTasksDelta(qc, { type: 'task.changed', task: { id: 'a.1', name: 'a', frameworkId: 'f', agentId: 's', state: 'TASK_FAILED', healthy: null } })
    expect(qc.getQueryState(taskKeys.detail('a.1'))!.isInvalidated).toBe(true)
    expect(qc.getQueryState(taskKeys.detail('b.1'))!.isInvalidated).toBe(false)
    applyTasksDelta(qc, { type: 'resync', reason: 'initial' })
    expect(qc.getQueryState(taskKeys.detail('b.1'))!.isInvalidated).toBe(false)
  })
})
