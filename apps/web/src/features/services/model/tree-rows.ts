/**
 * The services tree as the flat list of rows it shows: group rows (except the root), then, when
 * a group is open, its child groups and after them its services. A virtualized table renders
 * only the rows in view from this list, so 10,000 services cost no more than a screenful of DOM.
 */
import type { ServiceGroupView, ServiceView } from '@meridian/api'

export type ServiceTreeRow =
  | { kind: 'group'; id: string; group: ServiceGroupView; level: number; open: boolean }
  | { kind: 'service'; id: string; service: ServiceView; level: number }

// Row objects are reused while their service / group object is the same (a live patch replaces
// only the changed service and the groups above it), so the table's memoized rows skip every
// unchanged row. Weak keys: rows of a replaced tree are collected with it.
const serviceRows = new WeakMap<ServiceView, ServiceTreeRow>()
const groupRows = new WeakMap<ServiceGroupView, ServiceTreeRow>()

function serviceRow(service: ServiceView, level: number): ServiceTreeRow {
  const cached = serviceRows.get(service)
  if (cached && cached.level === level) return cached
  const row: ServiceTreeRow = { kind: 'service', id: service.id, service, level }
  serviceRows.set(service, row)
  return row
}

function groupRow(group: ServiceGroupView, level: number, open: boolean): ServiceTreeRow {
  const cached = groupRows.get(group)
  if (cached && cached.kind === 'group' && cached.level === level && cached.open === open) return cached
  const row: ServiceTreeRow = { kind: 'group', id: group.id, group, level, open }
  groupRows.set(group, row)
  return row
}

type Step = { emit: 'group'; g: ServiceGroupView; depth: number } | { emit: 'services'; g: ServiceGroupView; depth: number }

/** Rows in display order; `level` is the indentation step (root services and top groups are 0). */
export function visibleTreeRows(root: ServiceGroupView, collapsed: ReadonlySet<string>): ServiceTreeRow[] {
  const rows: ServiceTreeRow[] = []
  // An explicit stack (last in, first out): a deep group tree costs no call-stack depth.
  const stack: Step[] = [{ emit: 'group', g: root, depth: 0 }]
  while (stack.length > 0) {
    const step = stack.pop()!
    const { g, depth } = step
    if (step.emit === 'services') {
      for (const s of g.services) rows.push(serviceRow(s, depth))
      continue
    }
    const open = !collapsed.has(g.id)
    if (g.id !== '/') rows.push(groupRow(g, depth - 1, open))
    if (!open) continue
    stack.push({ emit: 'services', g, depth })
    for (let i = g.groups.length - 1; i >= 0; i--) stack.push({ emit: 'group', g: g.groups[i]!, depth: depth + 1 })
  }
  return rows
}
