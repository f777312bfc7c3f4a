import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { ComponentHealth, ComponentView } from '@meridian/api'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { Card } from '#shared/ui/card.tsx'
import { StatusBadge, type Tone } from '#shared/ui/status-badge.tsx'
import { TableHead } from '#shared/ui/table-head.tsx'
import { componentNodesQueryOptions, componentsQueryOptions } from '../api/get-components.ts'

const TONE: Record<ComponentHealth, Tone> = { healthy: 'ok', unhealthy: 'danger', warning: 'warn', unknown: 'neutral' }
const LABEL: Record<ComponentHealth, string> = { healthy: 'Healthy', unhealthy: 'Unhealthy', warning: 'Warning', unknown: 'Unknown' }
const ROLE = { master: 'master', agent: 'private agent', agent_public: 'public agent' } as const

function ComponentNodes({ id }: { id: string }) {
  const q = useQuery(componentNodesQueryOptions(useApiClient(), id))
  if (q.isPending) return <p className="muted small">Loading nodes…</p>
  if (q.error) return <p className="small" role="alert">Nodes unavailable: {q.error.message}</p>
  return (
    <table className="tbl" aria-label={`Nodes running ${id}`}>
      <TableHead columns={['Node', 'Role', 'Health']} />
      <tbody>
        {q.data.nodes.map((n) => (
          <tr key={n.ip}>
            <td className="mono">{n.ip}</td>
            <td>{n.role ? ROLE[n.role] : '—'}</td>
            <td>
              <StatusBadge tone={TONE[n.health]}>{LABEL[n.health]}</StatusBadge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ComponentRow({ c }: { c: ComponentView }) {
  const [open, setOpen] = useState(false)
  return (
    <li className="component-row">
      <button type="button" className="component-toggle" aria-expanded={open} aria-label={`${c.name} (${c.id}): ${LABEL[c.health]}`} onClick={() => setOpen((o) => !o)} title={c.description ?? undefined}>
        <span className="component-name">{c.name}</span>
        <span className="faint small mono">{c.id}</span>
        <StatusBadge tone={TONE[c.health]}>{LABEL[c.health]}</StatusBadge>
      </button>
      {open && (
        <div className="component-nodes">
          {c.description && <p className="muted small">{c.description}</p>}
          <ComponentNodes id={c.id} />
        </div>
      )}
    </li>
  )
}

/** DC/OS components (systemd units, from dcos-diagnostics): problems first, each opening onto its nodes. */
export function ComponentsCard() {
  const q = useQuery(componentsQueryOptions(useApiClient()))
  const counts = q.data?.counts
  const total = counts ? counts.healthy + counts.unhealthy + counts.warning + counts.unknown : 0
  const summary = counts ? (counts.unhealthy + counts.warning + counts.unknown === 0 ? `All ${total} healthy` : `${counts.healthy} of ${total} healthy`) : undefined
  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <>
          Components {summary && <span className="muted small">{summary}</span>}
        </>
      }
    >
      {q.isPending && <p className="muted small">Loading component health…</p>}
      {q.error && (
        <p className="small" role="status">
          Component health unavailable: {q.error.message}
        </p>
      )}
      {q.data && (
        <ul className="plain-list component-list" aria-label="DC/OS components">
          {q.data.components.map((c) => (
            <ComponentRow key={c.id} c={c} />
          ))}
        </ul>
      )}
    </Card>
  )
}
