import { describe, expect, it } from 'vitest'
import { NEW_JOB, readJob, validateJob, writeJob } from './job-spec-form.ts'

describe('job spec form model', () => {
  it('adds and removes a schedule from the cron field, keeping other fields', () => {
    const withCron = writeJob({ ...NEW_JOB, labels: { team: 'data' } }, 'cron', '0 2 * * *')
    expect(withCron.schedules).toEqual([{ id: 'default', enabled: true, concurrencyPolicy: 'ALLOW', timezone: 'UTC', cron: '0 2 * * *' }])
    expect(withCron.labels).toEqual({ team: 'data' })
    expect(readJob(withCron).cron).toBe('0 2 * * *')
    expect(writeJob(withCron, 'cron', '').schedules).toBeUndefined()
  })
  it('validates id, command, resources and cron like Metronome', () => {
    expect(validateJob(NEW_JOB)).toEqual({})
    expect(validateJob({ ...NEW_JOB, id: 'Bad_ID' })).toHaveProperty('/id')
    expect(validateJob(writeJob(NEW_JOB, 'cmd', ''))).toHaveProperty('/run/cmd')
    expect(validateJob(writeJob(NEW_JOB, 'mem', '0'))).toHaveProperty('/run/mem')
    expect(validateJob(writeJob(NEW_JOB, 'cron', '* * *'))).toHaveProperty('/schedules/0/cron')
  })
})
