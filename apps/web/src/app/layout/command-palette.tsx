/**
 * Ctrl/Cmd+K palette: jump to any page, service, node, job or package, or run a command
 * ("Scale service…", "Drain node…", "Toggle theme", "Log out"). A command with a target asks for
 * it in a second step (Backspace on an empty query goes back), then hands over to the dialog that
 * confirms and runs it. Sources are the same cached queries the pages use.
 */
import { useMemo, useState } from 'react'
import { useNavigate } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { useLogout } from '#features/auth/api/logout.ts'
import { nodesQueryOptions } from '#features/nodes/api/get-nodes.ts'
import { availableNodeActions } from '#features/nodes/components/node-actions.tsx'
import { servicesQueryOptions } from '#features/services/api/get-services.ts'
import { flattenServices } from '#features/services/model/service-tree.ts'
import { jobsQueryOptions } from '#features/jobs/api/get-jobs.ts'
import { packagesQueryOptions } from '#features/catalog/api/get-packages.ts'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useSession } from '#shared/session/session-context.tsx'
import { useThemeStore } from '../theme/theme-store.ts'
import { useAppliedTheme } from '../theme/use-applied-theme.ts'
import { PaletteActionDialog, type PendingPaletteAction } from './palette-action-dialog.tsx'
import { paletteActionsFor, type PaletteAction } from './palette-actions.ts'
import { PAGE_ITEMS, rankPaletteItems, type PaletteItem } from './palette-items.ts'

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const api = useApiClient()
  const navigate = useNavigate()
  const session = useSession()
  const logout = useLogout()
  const theme = useAppliedTheme()
  const themeChosen = useThemeStore((s) => s.themeChosen)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [picking, setPicking] = useState<PaletteAction | null>(null)
  const [pending, setPending] = useState<PendingPaletteAction | null>(null)
  const nodes = useQuery(nodesQueryOptions(api))
  const services = useQuery(servicesQueryOptions(api))
  const jobs = useQuery(jobsQueryOptions(api))
  const packages = useQuery(packagesQueryOptions(api, ''))
  const actions = useMemo(() => paletteActionsFor(session?.user.role), [session?.user.role])
  const serviceList = useMemo(() => (services.data ? flattenServices(services.data.root) : []), [services.data])
  const entities = useMemo(
    () => ({
      service: serviceList.map((s): PaletteItem => ({ id: `s:${s.id}`, label: s.id, kind: 'service', to: `/services/detail${s.id}` })),
      node: (nodes.data?.nodes ?? []).map((n): PaletteItem => ({ id: `n:${n.id}`, label: n.hostname, kind: 'node', to: `/nodes/${encodeURIComponent(n.id)}` })),
      package: (packages.data?.packages ?? []).map((p): PaletteItem => ({ id: `c:${p.name}`, label: p.name, kind: 'package', to: `/catalog/${encodeURIComponent(p.name)}` })),
      job: (jobs.data?.jobs ?? []).map((j): PaletteItem => ({ id: `j:${j.id}`, label: j.id, kind: 'job', to: `/jobs/${encodeURIComponent(j.id)}` })),
    }),
    [serviceList, nodes.data, jobs.data, packages.data],
  )
  const all = useMemo<PaletteItem[]>(() => {
    if (picking?.target === 'node') {
      // Only agents Mesos would accept a drain for (active ones).
      const drainable = new Set((nodes.data?.nodes ?? []).filter((n) => availableNodeActions(n).includes('drain')).map((n) => `n:${n.id}`))
      return entities.node.filter((i) => drainable.has(i.id))
    }
    if (picking?.target) return entities[picking.target]
    const actionItems = actions.map((a): PaletteItem => ({ id: `a:${a.id}`, label: a.label, kind: 'action', to: null }))
    return [...PAGE_ITEMS, ...actionItems, ...entities.service, ...entities.node, ...entities.package, ...entities.job]
  }, [picking, actions, entities, nodes.data])
  const results = useMemo(() => rankPaletteItems(all, query), [all, query])

  const runAction = (a: PaletteAction) => {
    if (a.target) {
      setPicking(a)
      setQuery('')
      setActive(0)
      return
    }
    onClose()
    if (a.id === 'toggle-theme') themeChosen(theme === 'dark' ? 'light' : 'dark')
    else if (a.id === 'log-out') logout.mutate()
  }
  const runOnTarget = (a: PaletteAction, item: PaletteItem) => {
    const key = item.id.slice(2)
    if (a.id === 'install-package') {
      onClose()
      void navigate(`/catalog/${encodeURIComponent(key)}?install=1`)
    } else if (a.id === 'scale-service' || a.id === 'restart-service') {
      const s = serviceList.find((x) => x.id === key)
      if (s) setPending({ action: a.id, service: { id: s.id, instances: s.instances } })
    } else if (a.id === 'run-job') setPending({ action: 'run-job', jobId: key })
    else if (a.id === 'drain-node') setPending({ action: 'drain-node', node: { id: key, hostname: item.label } })
  }
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return
    if (picking) return runOnTarget(picking, item)
    const action = item.kind === 'action' ? actions.find((a) => `a:${a.id}` === item.id) : undefined
    if (action) return runAction(action)
    onClose()
    if (item.to) void navigate(item.to)
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
      choose(results[active])
    } else if (e.key === 'Escape') {
      onClose()
    } else if (e.key === 'Backspace' && query === '' && picking) {
      setPicking(null)
      setActive(0)
    }
  }
  if (pending) return <PaletteActionDialog pending={pending} onDone={onClose} />
  const activeId = results[active] ? `palette-${results[active].id}` : undefined
  const placeholder = picking?.prompt ?? 'Search pages, services, nodes, jobs, packages, or type a command…'
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={picking ? picking.label.replace('…', '') : 'Jump to'}>
        {picking && (
          <div className="palette-step small muted">
            {picking.label.replace('…', '')} · <kbd>Backspace</kbd> to go back
          </div>
        )}
        <input
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={activeId}
          aria-label={picking?.prompt ?? 'Search pages, services, nodes, jobs, packages and commands'}
          placeholder={placeholder}
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
              onClick={() => choose(item)}
            >
              {item.label}
              <span className="palette-kind">{item.kind === 'action' ? 'command' : item.kind}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
