import { useCallback, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { SERVICE_HEALTH, SERVICE_STATUSES } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { servicesQueryOptions } from '../api/get-services.ts'
import { useCreateService } from '../api/service-mutations.ts'
import { NEW_APP } from '../model/app-definition-form.ts'
import { filterTree, type ServiceFilters } from '../model/service-tree.ts'
import { ServiceEditor } from './service-editor.tsx'
import { ServicesTreeTable } from './services-tree-table.tsx'

export function ServicesPage() {
  const q = useQuery(servicesQueryOptions(useApiClient()))
  const canWrite = useCan('services:write')
  const create = useCreateService()
  const [creating, setCreating] = useState(false)
  const [search, setSearch] = useUrlParam('q')
  const [status, setStatus] = useUrlParam('status')
  const [health, setHealth] = useUrlParam('health')
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())
  const tree = useMemo(() => (q.data ? filterTree(q.data.root, { q: search, status, health } as ServiceFilters) : null), [q.data, search, status, health])
  // Stable: the table's rows are memoized and take it as a prop.
  const toggle = useCallback(
    (id: string) =>
      setCollapsed((c) => {
        const n = new Set(c)
        if (n.has(id)) n.delete(id)
        else n.add(id)
        return n
      }),
    [],
  )
  return (
    <>
      <PageHeader
        title="Services"
        subtitle="Marathon apps and groups"
        actions={
          canWrite && (
            <Button
              variant="primary"
              onClick={() => {
                create.reset() // a new dialog shows only its own attempt's outcome
                setCreating(true)
              }}
            >
              Run a service
            </Button>
          )
        }
      />
      <div className="toolbar" role="search" aria-label="Filter services">
        <label className="search-box">
          <Icon name="search" size={15} />
          <span className="sr-only">Search services</span>
          <input type="search" placeholder="Service id" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <select className="select" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All statuses</option>
          {SERVICE_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select className="select" aria-label="Health" value={health} onChange={(e) => setHealth(e.target.value)}>
          <option value="">All health</option>
          {SERVICE_HEALTH.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      {q.isPending ? (
        <LoadingState label="Loading services…" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !tree || (tree.services.length === 0 && tree.groups.length === 0) ? (
        <EmptyState title={search || status || health ? 'No services match' : 'No services yet'}>
          {search || status || health ? 'Change the filters to see more.' : 'Run a service or install one from the catalog.'}
        </EmptyState>
      ) : (
        <ServicesTreeTable root={tree} collapsed={collapsed} onToggle={toggle} />
      )}
      {creating && (
        <ServiceEditor
          title="Run a service"
          initial={NEW_APP}
          submitLabel="Run service"
          pending={create.isPending}
          serverErrors={create.error?.details ?? {}}
          serverMessage={create.error?.message}
          onClose={() => setCreating(false)}
          onSubmit={(d) => create.mutate(d as { id: string }, { onSuccess: () => setCreating(false) })}
        />
      )}
    </>
  )
}
