import { describe, expect, it } from 'vitest'
import { jobIdOfTask } from './job-ids.ts'

describe('jobIdOfTask', () => {
  it('recovers dotted job ids from Metronome task ids', () => {
    expect(jobIdOfTask('maintenance_cleanup-tmp_20261125120000abcde.6b2f5c3e-1f1a-4c7e-9d3b-2a1f0e9c8d7b')).toBe('maintenance.cleanup-tmp')
    expect(jobIdOfTask('backup_20261125120000A1b2C.uuid')).toBe('backup')
    expect(jobIdOfTask('prod_team_backup_20261125020000XyZ12.u')).toBe('prod.team.backup')
  })
  it('returns null for ids of another shape (Marathon, SDK pods)', () => {
    expect(jobIdOfTask('web.instance-3f0c1b2a-1f1a-11ef-9d3b-2a1f0e9c8d7b._app.1')).toBeNull()
    expect(jobIdOfTask('kafka-0-broker__7d1c')).toBeNull()
    expect(jobIdOfTask('')).toBeNull()
  })
})
