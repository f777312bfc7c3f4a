import { describe, expect, it } from 'vitest'
import { can } from './permissions.ts'

describe('can', () => {
  it('lets admins do everything', () => {
    expect(can('admin', 'nodes:maintain')).toBe(true)
    expect(can('admin', 'catalog:repositories')).toBe(true)
  })
  it('keeps node maintenance and repositories from operators', () => {
    expect(can('operator', 'services:write')).toBe(true)
    expect(can('operator', 'nodes:maintain')).toBe(false)
    expect(can('operator', 'catalog:repositories')).toBe(false)
  })
  it('makes viewers and unknown sessions read-only', () => {
    expect(can('viewer', 'services:write')).toBe(false)
    expect(can(undefined, 'jobs:write')).toBe(false)
  })
})
