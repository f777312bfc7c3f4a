/** Command palette entries and their ranking: prefix matches first, then word starts, then substrings. */
export interface PaletteItem {
  id: string
  label: string
  kind: 'page' | 'service' | 'node' | 'job' | 'package' | 'action'
  /** where choosing it navigates; actions have none */
  to: string | null
  hint?: string
}

export const PAGE_ITEMS: PaletteItem[] = [
  { id: 'p:/', label: 'Dashboard', kind: 'page', to: '/' },
  { id: 'p:/services', label: 'Services', kind: 'page', to: '/services' },
  { id: 'p:/jobs', label: 'Jobs', kind: 'page', to: '/jobs' },
  { id: 'p:/catalog', label: 'Catalog', kind: 'page', to: '/catalog' },
  { id: 'p:/nodes', label: 'Nodes', kind: 'page', to: '/nodes' },
  { id: 'p:/plans', label: 'Plans', kind: 'page', to: '/plans' },
  { id: 'p:/settings', label: 'Settings', kind: 'page', to: '/settings' },
]

function score(label: string, q: string): number {
  const l = label.toLowerCase()
  if (l === q) return 0
  if (l.startsWith(q)) return 1
  if (l.split(/[/.\-\s_]/).some((w) => w.startsWith(q))) return 2
  if (l.includes(q)) return 3
  return -1
}

export function rankPaletteItems(items: readonly PaletteItem[], query: string, limit = 50): PaletteItem[] {
  const q = query.trim().toLowerCase()
  if (!q) return items.slice(0, limit)
  const scored: Array<{ item: PaletteItem; s: number }> = []
  for (const item of items) {
    const s = score(item.label, q)
    if (s >= 0) scored.push({ item, s })
  }
  scored.sort((a, b) => a.s - b.s || a.item.label.length - b.item.label.length)
  return scored.slice(0, limit).map((x) => x.item)
}
