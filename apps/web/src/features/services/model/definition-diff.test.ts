import { describe, expect, it } from 'vitest'
import { diffDefinitions } from './definition-diff.ts'

const base = { id: '/prod/web', cmd: 'sleep 3600', cpus: 0.1, mem: 32, instances: 1, labels: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6', g: '7', h: '8' } }

describe('diffDefinitions', () => {
  it('reports changed lines of the pretty-printed JSON as removed then added', () => {
    const d = diffDefinitions(base, { ...base, mem: 64 })
    expect(d).toMatchObject({ added: 1, removed: 1 })
    const changed = d.lines.filter((l) => l.kind === 'added' || l.kind === 'removed')
    expect(changed).toEqual([
      { kind: 'removed', text: '  "mem": 32' },
      { kind: 'added', text: '  "mem": 64' },
    ])
  })

  it('folds long unchanged runs but keeps three lines of context around a change', () => {
    const d = diffDefinitions(base, { ...base, mem: 64 })
    const i = d.lines.findIndex((l) => l.kind === 'removed')
    expect(d.lines.slice(i - 3, i).every((l) => l.kind === 'same')).toBe(true)
    const folded = d.lines.find((l) => l.kind === 'folded')
    // `{`, cmd, cpus, id, instances, labels (10 lines), then mem: 15 unchanged lines before the
    // change; nothing precedes them, so 12 fold and the last 3 stay as context.
    expect(folded).toEqual({ kind: 'folded', count: 12 })
    expect(d.lines[0]).toEqual(folded)
  })

  it('ignores key order and reports identical definitions as no change', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse())
    const d = diffDefinitions(base, reordered)
    expect(d).toMatchObject({ added: 0, removed: 0 })
    expect(d.lines.some((l) => l.kind === 'added' || l.kind === 'removed')).toBe(false)
  })
})
