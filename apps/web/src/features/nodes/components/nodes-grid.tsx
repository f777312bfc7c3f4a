import { useState } from 'react'
import { Link } from 'react-router'
import type { NodeView } from '@meridian/api'
import { Button } from '#shared/ui/button.tsx'
import { UtilizationBar } from '#shared/ui/utilization-bar.tsx'
import { runningTasks } from '../model/node-filters.ts'
import { NodeHealthBadge } from './node-health-badge.tsx'

const PAGE = 120

/** Card grid of nodes; pages in blocks so a 10,000-agent cluster does not render 10,000 cards. */
export function NodesGrid({ nodes }: { nodes: NodeView[] }) {
  const [shown, setShown] = useState(PAGE)
  return (
    <>
      <ul className="grid-cards plain-list" aria-label="Nodes">
        {nodes.slice(0, shown).map((n) => (
          <li key={n.id} className="card node-card" aria-label={n.hostname}>
            <div className="node-card-head">
              <div style={{ minWidth: 0 }}>
                <Link to={`/nodes/${encodeURIComponent(n.id)}`} className="strong-link">
                  {n.hostname}
                </Link>
                <div className="faint small">
                  {n.public ? 'Public' : 'Private'} · {n.zone ?? 'no zone'} · {runningTasks(n)} tasks
                </div>
              </div>
              <NodeHealthBadge health={n.health} />
            </div>
            {(['cpus', 'mem', 'disk', 'gpus'] as const).map((k) => (
              <UtilizationBar key={k} kind={k} used={n.allocated[k]} total={n.total[k]} />
            ))}
          </li>
        ))}
      </ul>
      {shown < nodes.length && (
        <div className="row" style={{ justifyContent: 'center', marginTop: 16 }}>
          <Button onClick={() => setShown((s) => s + PAGE)}>
            Show more ({nodes.length - shown} remaining)
          </Button>
        </div>
      )}
    </>
  )
}
