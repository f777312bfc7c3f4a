/**
 * The virtualized nodes table: only the visible rows (plus overscan) are in the DOM, so 10,000
 * agents scroll smoothly. It is an ARIA table of divs (a <table> cannot be absolutely positioned
 * row by row); each row is named by its hostname so tests and screen readers can find it.
 */
import { memo } from 'react'
import { Link } from 'react-router'
import { useVirtualRows } from '#shared/ui/use-virtual-rows.ts'
import type { NodeView } from '@meridian/api'
import { UtilizationBar } from '#shared/ui/utilization-bar.tsx'
import { runningTasks, type NodeFilters, type NodeSortKey } from '../model/node-filters.ts'
import { MAINTENANCE_LABEL } from '../model/node-health.ts'
import { NodeHealthBadge } from './node-health-badge.tsx'

const ROW_HEIGHT = 46

interface Column {
  key: NodeSortKey | 'type'
  label: string
  sortable: boolean
}

const COLUMNS: Column[] = [
  { key: 'hostname', label: 'Hostname', sortable: true },
  { key: 'health', label: 'Health', sortable: true },
  { key: 'type', label: 'Type', sortable: false },
  { key: 'zone', label: 'Zone', sortable: true },
  { key: 'tasks', label: 'Tasks', sortable: true },
  { key: 'cpus', label: 'CPU', sortable: true },
  { key: 'mem', label: 'Memory', sortable: true },
  { key: 'disk', label: 'Disk', sortable: true },
  { key: 'gpus', label: 'GPU', sortable: true },
]

function SortHeader({ col, filters, onSort }: { col: Column; filters: NodeFilters; onSort: (key: NodeSortKey) => void }) {
  const active = filters.sort === col.key
  const ariaSort = active ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <div role="columnheader" aria-sort={col.sortable ? ariaSort : undefined} className="vt-cell vt-head-cell">
      {col.sortable ? (
        <button type="button" className="sort-btn" onClick={() => onSort(col.key as NodeSortKey)} aria-label={`Sort by ${col.label}`}>
          {col.label}
          <span aria-hidden="true" className={active ? '' : 'faint'}>
            {active ? (filters.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      ) : (
        col.label
      )}
    </div>
  )
}

/**
 * Memoized: while scrolling, rows that stay in view keep their props (same node object, same
 * offset), so only the rows entering the window render.
 */
const NodeRow = memo(function NodeRow({ node, index, start }: { node: NodeView; index: number; start: number }) {
  return (
    <div role="row" aria-label={node.hostname} aria-rowindex={index + 2} className="vt-row" style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}>
      <div role="cell" className="vt-cell">
        <Link to={`/nodes/${encodeURIComponent(node.id)}`} className="strong-link">
          {node.hostname}
        </Link>
        <div className="faint mono small">{node.ip ?? node.id}</div>
      </div>
      <div role="cell" className="vt-cell">
        <NodeHealthBadge health={node.health} />
        {node.maintenance !== 'none' && <span className="faint small"> · {MAINTENANCE_LABEL[node.maintenance]}</span>}
      </div>
      <div role="cell" className="vt-cell">
        {node.public ? 'Public' : 'Private'}
      </div>
      <div role="cell" className="vt-cell muted">
        {node.zone ?? '—'}
      </div>
      <div role="cell" className="vt-cell num">
        {runningTasks(node)}
      </div>
      {(['cpus', 'mem', 'disk', 'gpus'] as const).map((k) => (
        <div role="cell" className="vt-cell" key={k}>
          <UtilizationBar kind={k} used={node.allocated[k]} total={node.total[k]} compact />
        </div>
      ))}
    </div>
  )
})

export function NodesTable({ nodes, filters, onSort }: { nodes: NodeView[]; filters: NodeFilters; onSort: (key: NodeSortKey) => void }) {
  const { scrollRef, virtualizer } = useVirtualRows(nodes, ROW_HEIGHT, 10)
  return (
    <div role="table" aria-label="Nodes" aria-rowcount={nodes.length + 1} className="vt card">
      <div role="rowgroup" className="vt-head">
        <div role="row" aria-rowindex={1} className="vt-row vt-head-row">
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} col={c} filters={filters} onSort={onSort} />
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="vt-scroll" tabIndex={-1}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const node = nodes[v.index]
            return node ? <NodeRow key={v.key} node={node} index={v.index} start={v.start} /> : null
          })}
        </div>
      </div>
    </div>
  )
}
