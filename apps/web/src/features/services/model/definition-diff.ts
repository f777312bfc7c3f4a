/**
 * A line diff of two app definitions as pretty-printed JSON (jsdiff's `diffLines`), with long
 * unchanged runs folded so the changes stay in view, as `git diff` shows hunks with context.
 */
import { diffLines } from 'diff'

/** One rendered line: added, removed, unchanged context, or a fold of unchanged lines. */
export type DiffLine = { kind: 'added' | 'removed' | 'same'; text: string } | { kind: 'folded'; count: number }

export interface DefinitionDiff {
  lines: DiffLine[]
  added: number
  removed: number
}

/** Keys sorted at every level so a reordered definition is not reported as changed. */
function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort)
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]))
    return v
  }
  return JSON.stringify(sort(value), null, 2) + '\n'
}

const splitLines = (s: string) => s.replace(/\n$/, '').split('\n')

/** Diffs `from` → `to`, keeping `context` unchanged lines around each change. */
export function diffDefinitions(from: unknown, to: unknown, context = 3): DefinitionDiff {
  const lines: DiffLine[] = []
  let added = 0
  let removed = 0
  const parts = diffLines(stableJson(from), stableJson(to))
  parts.forEach((part, i) => {
    const text = splitLines(part.value)
    if (part.added || part.removed) {
      const kind = part.added ? 'added' : 'removed'
      if (part.added) added += text.length
      else removed += text.length
      for (const t of text) lines.push({ kind, text: t })
      return
    }
    const head = i === 0 ? 0 : context
    const tail = i === parts.length - 1 ? 0 : context
    if (text.length <= head + tail + 1) {
      for (const t of text) lines.push({ kind: 'same', text: t })
      return
    }
    for (const t of text.slice(0, head)) lines.push({ kind: 'same', text: t })
    lines.push({ kind: 'folded', count: text.length - head - tail })
    for (const t of text.slice(text.length - tail)) lines.push({ kind: 'same', text: t })
  })
  return { lines, added, removed }
}
