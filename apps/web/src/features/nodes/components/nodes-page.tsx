import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { Icon, type IconName } from '#shared/ui/icons.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { Button } from '#shared/ui/button.tsx'
import { nodesQueryOptions } from '../api/get-nodes.ts'
import { useNodeFilters } from '../hooks/use-node-filters.ts'
import { DEFAULT_NODE_FILTERS, filterAndSortNodes, zonesOf } from '../model/node-filters.ts'
import { NodesToolbar } from './nodes-toolbar.tsx'
import { NodesTable } from './nodes-table.tsx'
import { NodesGrid } from './nodes-grid.tsx'
import { CapacityOverview } from './capacity-overview.tsx'

const VIEWS: Array<{ id: 'table' | 'grid' | 'capacity'; label: string; icon: IconName }> = [
  { id: 'table', label: 'Table', icon: 'table' },
  { id: 'grid', label: 'Grid', icon: 'grid' },
  { id: 'capacity', label: 'Capacity', icon: 'dashboard' },
]

/** Nodes: table, grid and capacity views over one cached agent list; all state in the URL. */
export function NodesPage() {
  const nodes = useQuery(nodesQueryOptions(useApiClient()))
  const [filters, setFilters] = useNodeFilters()
  const [view, setView] = useUrlParam('view', 'table')
  const all = nodes.data?.nodes
  const zones = useMemo(() => zonesOf(all ?? []), [all])
  const shown = useMemo(() => filterAndSortNodes(all ?? [], filters), [all, filters])
  const filtered = shown.length !== (all?.length ?? 0)
  return (
    <>
      <PageHeader
        title="Nodes"
        subtitle={all ? `${shown.length.toLocaleString()} of ${all.length.toLocaleString()} agents` : 'Mesos agents in this cluster'}
        actions={
          <div className="segmented" role="group" aria-label="View">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
                <Icon name={v.icon} size={15} /> {v.label}
              </button>
            ))}
          </div>
        }
      />
      {nodes.isPending ? (
        <LoadingState label="Loading nodes…" rows={8} />
      ) : nodes.error ? (
        <ErrorState error={nodes.error} onRetry={() => void nodes.refetch()} />
      ) : view === 'capacity' ? (
        <CapacityOverview nodes={nodes.data.nodes} />
      ) : (
        <>
          <NodesToolbar filters={filters} zones={zones} onChange={setFilters} />
          {shown.length === 0 ? (
            <EmptyState
              title={filtered ? 'No nodes match these filters' : 'No agents registered'}
              action={filtered ? <Button onClick={() => setFilters(DEFAULT_NODE_FILTERS)}>Clear filters</Button> : undefined}
            >
              {filtered ? 'Try a different health, zone or search.' : 'Agents appear here once they register with the Mesos master.'}
            </EmptyState>
          ) : view === 'grid' ? (
            <NodesGrid nodes={shown} />
          ) : (
            <NodesTable
              nodes={shown}
              filters={filters}
              onSort={(key) => setFilters({ sort: key, dir: filters.sort === key && filters.dir === 'asc' ? 'desc' : 'asc' })}
            />
          )}
        </>
      )}
    </>
  )
}
