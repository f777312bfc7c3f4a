import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { TaskStateBadge, taskStateTone } from './task-state-badge.tsx'

describe('TaskStateBadge', () => {
  it('names the state and colours transitions as in progress, not as failures', () => {
    render(<TaskStateBadge state="TASK_KILLING" />)
    expect(screen.getByText('killing')).toHaveClass('badge-info')
    expect(taskStateTone('TASK_RUNNING')).toBe('ok')
    expect(taskStateTone('TASK_FINISHED')).toBe('neutral')
    expect(taskStateTone('TASK_FAILED')).toBe('danger')
    expect(taskStateTone('TASK_GONE')).toBe('danger')
  })
})
