import { describe, expect, it } from 'vitest'
import { makeTree } from '../testing/service-fixtures.ts'
import { filterTree } from './service-tree.ts'

describe('filterTree', () => {
  it('returns the tree itself when no filter is set (a live row patch keeps other groups’ identity)', () => {
    const { root } = makeTree()
    expect(filterTree(root, { q: '', status: '', health: '' })).toBe(root)
    expect(filterTree(root, { q: '  ', status: '', health: '' })).toBe(root)
  })

  it('prunes to matching services and drops groups left empty', () => {
    const { root } = makeTree()
    const unhealthy = filterTree(root, { q: '', status: '', health: 'Unhealthy' })!
    expect(unhealthy.services).toEqual([])
    expect(unhealthy.groups.map((g) => g.services.map((s) => s.id))).toEqual([['/prod/api']])
    const byName = filterTree(root, { q: 'BATCH', status: '', health: '' })!
    expect(byName.services.map((s) => s.id)).toEqual(['/batch'])
    expect(byName.groups).toEqual([])
    expect(filterTree(root, { q: 'nothing', status: 'Running', health: '' })).toMatchObject({ services: [], groups: [] })
  })
})
