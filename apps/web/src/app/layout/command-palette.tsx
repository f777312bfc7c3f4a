/**
 * Ctrl/Cmd+K palette: jump to any page, service, node, job or package. Sources are the same
 * cached queries the pages use, so opening it after visiting a page costs no request.
 */
import { useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { nodesQueryOptions } from '#features/nodes/api/get-nodes.ts'
import { servicesQueryOptions } from '#features/services/api/get-services.ts'
import { flattenServices } from '#features/services/model/service-tree.ts'
import { jobsQueryOptions } from '#features/jobs/api/get-jobs.ts'
import { packagesQueryOptions } from '#features/catalog/api/get-packages.ts'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { PAGE_ITEMS, rankPaletteItems, type PaletteItem } from './palette-items.ts'

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const api = useApiClient()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const nodes = useQuery(nodesQueryOptions(api))
  const services = useQuery(servicesQueryOptions(api))
  const jobs = useQuery(jobsQueryOptions(api))
  const packages = useQuery(packagesQueryOptions(api, ''))
  const all = useMemo<PaletteItem[]>(
    () => [
      ...PAGE_ITEMS,
      ...(services.data ? flattenServices(services.data.root) : []).map((s): PaletteItem => ({ id: `s:${s.id}`, label: s.id, kind: 'service', to: `/services/detail${s.id}` })),
      ...(nodes.data?.nodes ?? []).map((n): PaletteItem => ({ id: `n:${n.id}`, label: n.hostname, kind: 'node', to: `/nodes/${encodeURIComponent(n.id)}` })),
      ...(packages.data?.packages ?? []).map((p): PaletteItem => ({ id: `c:${p.name}`, label: p.name, kind: 'package', to: `/catalog/${encodeURIComponent(p.name)}` })),
      ...(jobs.data?.jobs ?? []).map((j): PaletteItem => ({ id: `j:${j.id}`, label: j.id, kind: 'job', to: `/jobs/${encodeURIComponent(j.id)}` })),
    ],
    [services.data, nodes.data, jobs.data, packages.data],
  )
  const results = useMemo(() => rankPaletteItems(all, query), [all, query])
  const go = (item: PaletteItem | undefined) => {
    if (!item) return
    onClose()
    void navigate(item.to)
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => Math.min(a + 1, results.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(a - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      go(results[active])
    } else if (e.key === 'Escape') {
      onClose()
    }
  }
  const activeId = results[active] ? `palette-${results[active].id}` : undefined
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Jump to">
        <input
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={activeId}
          aria-label="Search pages, services, nodes, jobs and packages"
          placeholder="Search pages, services, nodes, jobs, packages…"
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" className="palette-list plain-list" aria-label="Results">
          {results.length === 0 && <li className="palette-item muted">No matches</li>}
          {results.map((item, i) => (
            <li
              key={item.id}
              id={`palette-${item.id}`}
              role="option"
              aria-selected={i === active}
              className="palette-item"
              onMouseEnter={() => setActive(i)}
              onClick={() => go(item)}
            >
              {item.label}
              <span className="palette-kind">{item.kind}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
