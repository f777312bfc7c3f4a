import { describe, expect, it } from 'vitest'
import { PAGE_ITEMS, rankPaletteItems, type PaletteItem } from './palette-items.ts'

const items: PaletteItem[] = [
  ...PAGE_ITEMS,
  { id: 's:/prod/web', label: '/prod/web', kind: 'service', to: '/services/detail/prod/web' },
  { id: 'n:1', label: 'agent-0001.dc1.internal', kind: 'node', to: '/nodes/1' },
  { id: 'j:web-backup', label: 'web-backup', kind: 'job', to: '/jobs/web-backup' },
]

describe('rankPaletteItems', () => {
  it('puts prefix matches before word-start and substring matches', () => {
    expect(rankPaletteItems(items, 'web').map((i) => i.id)).toEqual(['j:web-backup', 's:/prod/web'])
    expect(rankPaletteItems(items, 'no').map((i) => i.label)).toEqual(['Nodes'])
    expect(rankPaletteItems(items, 'dc1').map((i) => i.kind)).toEqual(['node'])
  })
  it('returns the first items for an empty query and nothing for a miss', () => {
    expect(rankPaletteItems(items, '  ', 3)).toHaveLength(3)
    expect(rankPaletteItems(items, 'zzz')).toEqual([])
  })
})
