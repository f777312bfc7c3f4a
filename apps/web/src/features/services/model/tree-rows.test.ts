import { describe, expect, it } from 'vitest'
import type { ServiceGroupView } from '@meridian/api'
import { makeService, makeTree } from '../testing/service-fixtures.ts'
import { visibleTreeRows } from './tree-rows.ts'

const zero = { services: 0, running: 0, unhealthy: 0, resources: { cpus: 0, mem: 0, disk: 0, gpus: 0 } }
const group = (id: string, groups: ServiceGroupView[], services: string[]): ServiceGroupView => ({
  id,
  name: id.split('/').pop()!,
  groups,
  services: services.map((s) => makeService(s)),
  summary: zero,
})

describe('visibleTreeRows', () => {
  it('lists child groups before a group’s own services, with indentation levels', () => {
    const root = group('/', [group('/a', [group('/a/x', [], ['/a/x/s1'])], ['/a/s2']), group('/b', [], ['/b/s3'])], ['/top'])
    expect(visibleTreeRows(root, new Set()).map((r) => `${r.kind}:${r.id}:${r.level}`)).toEqual([
      'group:/a:0',
      'group:/a/x:1',
      'service:/a/x/s1:2',
      'service:/a/s2:1',
      'group:/b:0',
      'service:/b/s3:1',
      'service:/top:0',
    ])
  })

  it('keeps a collapsed group’s row and hides its subtree', () => {
    const rows = visibleTreeRows(makeTree().root, new Set(['/prod']))
    expect(rows.map((r) => r.id)).toEqual(['/prod', '/batch'])
    expect(rows[0]).toMatchObject({ kind: 'group', open: false })
  })

  it('reuses the row objects of unchanged services and groups, so memoized rows skip them', () => {
    const tree = makeTree().root
    const before = visibleTreeRows(tree, new Set())
    const prod = tree.groups[0]!
    const web = prod.services[1]!
    // A live patch: the changed service and the groups above it are new objects, the rest are kept.
    const patchedWeb = { ...web, health: 'Unhealthy' as const }
    const patched = { ...tree, groups: [{ ...prod, services: [prod.services[0]!, patchedWeb] }] }
    const after = visibleTreeRows(patched, new Set())
    const byId = (rows: typeof before, id: string) => rows.find((r) => r.id === id)
    expect(byId(after, '/prod/api')).toBe(byId(before, '/prod/api'))
    expect(byId(after, '/batch')).toBe(byId(before, '/batch'))
    expect(byId(after, '/prod/web')).not.toBe(byId(before, '/prod/web'))
    expect(byId(after, '/prod/web')).toMatchObject({ service: { health: 'Unhealthy' } })
    expect(byId(after, '/prod')).not.toBe(byId(before, '/prod'))
    // collapsing changes the group row (open: false) but not the other rows
    const collapsed = visibleTreeRows(patched, new Set(['/prod']))
    expect(byId(collapsed, '/prod')).toMatchObject({ open: false })
    expect(byId(collapsed, '/batch')).toBe(byId(before, '/batch'))
  })

  it('flattens 10,000 services in nested groups', () => {
    const groups = Array.from({ length: 1000 }, (_, g) =>
      group(`/bench/g${g}`, [], Array.from({ length: 10 }, (_, i) => `/bench/g${g}/app${g * 10 + i}`)),
    )
    const rows = visibleTreeRows(group('/', [group('/bench', groups, [])], []), new Set())
    expect(rows).toHaveLength(1 + 1000 + 10_000)
    expect(rows.at(-1)).toMatchObject({ kind: 'service', id: '/bench/g999/app9999', level: 2 })
  })
})
