import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { SERVICE_HEALTH, SERVICE_STATUSES, type ServiceGroupView, type ServiceView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { formatCpus, formatMiB } from '#shared/format/resources.ts'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { servicesQueryOptions } from '../api/get-services.ts'
import { useCreateService } from '../api/service-mutations.ts'
import { NEW_APP } from '../model/app-definition-form.ts'
import { filterTree, HEALTH_TONE, STATUS_TONE, type ServiceFilters } from '../model/service-tree.ts'
import { ServiceEditor } from './service-editor.tsx'

function ServiceRow({ s, depth }: { s: ServiceView; depth: number }) {
  return (
    <tr aria-label={s.id}>
      <td style={{ paddingLeft: 12 + depth * 20 }}>
        <Link className="strong-link" to={`/services/detail${s.id}`}>
          {s.name}
        </Link>
        {s.package && <span className="faint small"> · {s.package.name}</span>}
      </td>
      <td>
        <StatusBadge tone={STATUS_TONE[s.status]}>{s.status}</StatusBadge>
      </td>
      <td>
        <StatusBadge tone={HEALTH_TONE[s.health]}>{s.health}</StatusBadge>
      </td>
      <td className="num">
        {s.tasks.running}/{s.instances}
      </td>
      <td className="num">{formatCpus(s.resources.cpus * s.instances)}</td>
      <td className="num">{formatMiB(s.resources.mem * s.instances)}</td>
      <td className="num">{formatMiB(s.resources.disk * s.instances)}</td>
    </tr>
  )
}

function GroupRows({ g, depth, collapsed, toggle }: { g: ServiceGroupView; depth: number; collapsed: Set<string>; toggle: (id: string) => void }) {
  const open = !collapsed.has(g.id)
  return (
    <>
      {g.id !== '/' && (
        <tr className="group-row" aria-label={g.id}>
          <td style={{ paddingLeft: 12 + (depth - 1) * 20 }}>
            <button type="button" className="tree-toggle" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${g.id}`} onClick={() => toggle(g.id)}>
              <Icon name="chevron" size={14} />
            </button>
            <strong>{g.name}</strong> <span className="faint small">{g.summary.services} services</span>
          </td>
          <td colSpan={2}>{g.summary.unhealthy > 0 ? <StatusBadge tone="danger">{`${g.summary.unhealthy} unhealthy`}</StatusBadge> : null}</td>
          <td className="num muted">{g.summary.running}</td>
          <td className="num muted">{formatCpus(g.summary.resources.cpus)}</td>
          <td className="num muted">{formatMiB(g.summary.resources.mem)}</td>
          <td className="num muted">{formatMiB(g.summary.resources.disk)}</td>
        </tr>
      )}
      {open && (
        <>
          {g.groups.map((c) => (
            <GroupRows key={c.id} g={c} depth={depth + 1} collapsed={collapsed} toggle={toggle} />
          ))}
          {g.services.map((s) => (
            <ServiceRow key={s.id} s={s} depth={depth} />
          ))}
        </>
      )}
    </>
  )
}

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
  const toggle = (id: string) =>
    setCollapsed((c) => {
      const n = new Set(c)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })
  return (
    <>
      <PageHeader
        title="Services"
        subtitle="Marathon apps and groups"
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
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
        <div className="card">
          <table className="tbl" aria-label="Services">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Health</th>
                <th scope="col" className="num">
                  Instances
                </th>
                <th scope="col" className="num">
                  CPU
                </th>
                <th scope="col" className="num">
                  Memory
                </th>
                <th scope="col" className="num">
                  Disk
                </th>
              </tr>
            </thead>
            <tbody>
              <GroupRows g={tree} depth={0} collapsed={collapsed} toggle={toggle} />
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <ServiceEditor
          title="Run a service"
          initial={NEW_APP}
          submitLabel="Run service"
          pending={create.isPending}
          serverErrors={create.error?.details ?? {}}
          onClose={() => setCreating(false)}
          onSubmit={(d) => create.mutate(d as { id: string }, { onSuccess: () => setCreating(false) })}
        />
      )}
    </>
  )
}
