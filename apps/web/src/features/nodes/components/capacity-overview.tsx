/**
 * The admin's capacity view: cluster allocation, top consumers and fragmentation for a
 * "typical task" shape the admin can adjust (kept in the URL so the view can be shared).
 */
import { useMemo } from 'react'
import { Link } from 'react-router'
import type { NodeView } from '@meridian/api'
import { formatCpus, formatMiB, formatPercent } from '#shared/format/resources.ts'
import { Card } from '#shared/ui/card.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { UtilizationBar } from '#shared/ui/utilization-bar.tsx'
import { analyzeUtilization } from '../model/utilization-analysis.ts'
import { TableHead } from '#shared/ui/table-head.tsx'

function positive(s: string, fallback: number): number {
  const n = Number(s)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

export function CapacityOverview({ nodes }: { nodes: NodeView[] }) {
  const [cpusParam, setCpus] = useUrlParam('taskCpus', '1')
  const [memParam, setMem] = useUrlParam('taskMem', '2048')
  const cpus = positive(cpusParam, 1)
  const mem = positive(memParam, 2048)
  const a = useMemo(() => analyzeUtilization(nodes, { cpus, mem }), [nodes, cpus, mem])
  return (
    <div className="stack">
      <div className="stat-grid">
        <div className="card stat">
          <div className="stat-label">Schedulable nodes</div>
          <div className="stat-value">{a.schedulableNodes}</div>
        </div>
        <div className="card stat">
          <div className="stat-label">Free CPU / memory</div>
          <div className="stat-value">
            {formatCpus(a.free.cpus)} <span className="muted small">/ {formatMiB(a.free.mem)}</span>
          </div>
        </div>
        <div className="card stat">
          <div className="stat-label">Typical tasks that still fit</div>
          <div className="stat-value" aria-label="Typical tasks that still fit">
            {a.fitsTypical}
          </div>
        </div>
        <div className="card stat">
          <div className="stat-label">Fragmentation</div>
          <div className="stat-value" aria-label="Fragmentation">
            {formatPercent(a.fragmentation)}
          </div>
          <div className="faint small">
            {formatCpus(a.stranded.cpus)} CPU and {formatMiB(a.stranded.mem)} stranded on {a.fragmentedNodes} nodes
          </div>
        </div>
      </div>
      <div className="two-col">
        <Card title="Cluster allocation">
          <div className="stack" style={{ gap: 12 }}>
            {(['cpus', 'mem', 'disk', 'gpus'] as const).map((k) => (
              <UtilizationBar key={k} kind={k} used={a.allocated[k]} total={a.total[k]} />
            ))}
          </div>
          <h3 className="card-title" style={{ marginTop: 20 }}>
            Typical task
          </h3>
          <div className="row">
            <label className="field">
              <span className="field-label">CPUs</span>
              <input className="input" type="number" min={0.01} step={0.1} value={cpusParam} onChange={(e) => setCpus(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">Memory (MiB)</span>
              <input className="input" type="number" min={1} step={128} value={memParam} onChange={(e) => setMem(e.target.value)} />
            </label>
          </div>
          <p className="field-help">Free resources on a node count as stranded when not even one task of this shape fits there.</p>
        </Card>
        <Card title="Top consumers">
          <table className="tbl">
            <TableHead columns={['Node', 'CPU', 'Memory']} />
            <tbody>
              {a.top.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/nodes/${encodeURIComponent(node.id)}`}>{node.hostname}</Link>
                  </td>
                  <td style={{ width: '32%' }}>
                    <UtilizationBar kind="cpus" used={node.allocated.cpus} total={node.total.cpus} compact />
                  </td>
                  <td style={{ width: '32%' }}>
                    <UtilizationBar kind="mem" used={node.allocated.mem} total={node.total.mem} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  )
}
