/**
 * The services tree table, virtualized like the nodes table: only the rows in view (plus
 * overscan) are in the DOM, so a cluster with 10,000 services renders and scrolls like one with
 * ten. An ARIA table of divs (a <table> cannot be absolutely positioned row by row); each row is
 * named by its service or group id, group rows carry the expand/collapse button.
 */
import { memo, useMemo } from 'react'
import { Link } from 'react-router'
import { useVirtualRows } from '#shared/ui/use-virtual-rows.ts'
import type { ServiceGroupView, ServiceView } from '@meridian/api'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { Icon } from '#shared/ui/icons.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { HEALTH_TONE, STATUS_TONE } from '../model/service-tree.ts'
import { visibleTreeRows, type ServiceTreeRow } from '../model/tree-rows.ts'

const ROW_HEIGHT = 44
const INDENT_PX = 20
// Generous overscan: rows are memoized, so a wider window costs DOM, not render time per frame,
// and a typical cluster's whole tree stays in the DOM (find-in-page, e2e locators).
const OVERSCAN = 30

const HEADERS: Array<{ label: string; num?: boolean }> = [
  { label: 'Name' },
  { label: 'Status' },
  { label: 'Health' },
  { label: 'Instances', num: true },
  { label: 'CPU', num: true },
  { label: 'Memory', num: true },
  { label: 'Disk', num: true },
]

function ServiceCells({ s, level }: { s: ServiceView; level: number }) {
  return (
    <>
      <div role="cell" className="vt-cell" style={{ paddingLeft: level * INDENT_PX }}>
        <Link className="strong-link" to={`/services/detail${s.id}`}>
          {s.name}
        </Link>
        {s.package && <span className="faint small"> · {s.package.name}</span>}
      </div>
      <div role="cell" className="vt-cell">
        <StatusBadge tone={STATUS_TONE[s.status]}>{s.status}</StatusBadge>
      </div>
      <div role="cell" className="vt-cell">
        <StatusBadge tone={HEALTH_TONE[s.health]}>{s.health}</StatusBadge>
      </div>
      <div role="cell" className="vt-cell num">
        {s.tasks.running}/{s.instances}
      </div>
      <div role="cell" className="vt-cell num">
        {formatCpus(s.resources.cpus * s.instances)}
      </div>
      <div role="cell" className="vt-cell num">
        {formatMiB(s.resources.mem * s.instances)}
      </div>
      <div role="cell" className="vt-cell num">
        {formatMiB(s.resources.disk * s.instances)}
      </div>
    </>
  )
}

function GroupCells({ g, level, open, onToggle }: { g: ServiceGroupView; level: number; open: boolean; onToggle: (id: string) => void }) {
  return (
    <>
      <div role="cell" className="vt-cell" style={{ paddingLeft: level * INDENT_PX }}>
        <button type="button" className="tree-toggle" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${g.id}`} onClick={() => onToggle(g.id)}>
          <Icon name="chevron" size={14} />
        </button>
        <strong>{g.name}</strong> <span className="faint small">{g.summary.services} {g.summary.services === 1 ? 'service' : 'services'}</span>
      </div>
      <div role="cell" className="vt-cell vt-span-2">
        {g.summary.unhealthy > 0 ? <StatusBadge tone="danger">{`${g.summary.unhealthy} unhealthy`}</StatusBadge> : null}
      </div>
      <div role="cell" className="vt-cell num muted">
        {g.summary.running}
      </div>
      <div role="cell" className="vt-cell num muted">
        {formatCpus(g.summary.resources.cpus)}
      </div>
      <div role="cell" className="vt-cell num muted">
        {formatMiB(g.summary.resources.mem)}
      </div>
      <div role="cell" className="vt-cell num muted">
        {formatMiB(g.summary.resources.disk)}
      </div>
    </>
  )
}

/** Memoized: while scrolling, rows that stay in view keep their props and do not render again. */
const TreeRow = memo(function TreeRow({ row, index, start, onToggle }: { row: ServiceTreeRow; index: number; start: number; onToggle: (id: string) => void }) {
  return (
    <div
      role="row"
      aria-label={row.id}
      aria-rowindex={index + 2}
      data-row-kind={row.kind}
      className={row.kind === 'group' ? 'vt-row group-row' : 'vt-row'}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      {row.kind === 'group' ? <GroupCells g={row.group} level={row.level} open={row.open} onToggle={onToggle} /> : <ServiceCells s={row.service} level={row.level} />}
    </div>
  )
})

export function ServicesTreeTable({ root, collapsed, onToggle }: { root: ServiceGroupView; collapsed: ReadonlySet<string>; onToggle: (id: string) => void }) {
  const rows = useMemo(() => visibleTreeRows(root, collapsed), [root, collapsed])
  const { scrollRef, virtualizer } = useVirtualRows(rows, ROW_HEIGHT, OVERSCAN)
  return (
    <div role="table" aria-label="Services" aria-rowcount={rows.length + 1} className="vt vt-services card">
      <div role="rowgroup" className="vt-head">
        <div role="row" aria-rowindex={1} className="vt-row vt-head-row">
          {HEADERS.map((h) => (
            <div key={h.label} role="columnheader" className={h.num ? 'vt-cell vt-head-cell num' : 'vt-cell vt-head-cell'}>
              {h.label}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="vt-scroll" tabIndex={-1}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]
            return row ? <TreeRow key={v.key} row={row} index={v.index} start={v.start} onToggle={onToggle} /> : null
          })}
        </div>
      </div>
    </div>
  )
}
