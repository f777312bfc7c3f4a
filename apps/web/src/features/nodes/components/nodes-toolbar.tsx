import { MAINTENANCE_STATES, NODE_HEALTH } from '@meridian/api'
import { Icon } from '#shared/ui/icons.tsx'
import type { NodeFilters } from '../model/node-filters.ts'
import { MAINTENANCE_LABEL, NODE_HEALTH_LABEL } from '../model/node-health.ts'

export function NodesToolbar({ filters, zones, onChange }: { filters: NodeFilters; zones: string[]; onChange: (patch: Partial<NodeFilters>) => void }) {
  return (
    <div className="toolbar" role="search" aria-label="Filter nodes">
      <label className="search-box">
        <Icon name="search" size={15} />
        <span className="sr-only">Search nodes</span>
        <input type="search" placeholder="Hostname, IP or agent id" value={filters.q} onChange={(e) => onChange({ q: e.target.value })} />
      </label>
      <select className="select" aria-label="Health" value={filters.health} onChange={(e) => onChange({ health: e.target.value as NodeFilters['health'] })}>
        <option value="">All health</option>
        {NODE_HEALTH.map((h) => (
          <option key={h} value={h}>
            {NODE_HEALTH_LABEL[h]}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Zone" value={filters.zone} onChange={(e) => onChange({ zone: e.target.value })}>
        <option value="">All zones</option>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Type" value={filters.type} onChange={(e) => onChange({ type: e.target.value as NodeFilters['type'] })}>
        <option value="">Public and private</option>
        <option value="public">Public</option>
        <option value="private">Private</option>
      </select>
      <select
        className="select"
        aria-label="Maintenance"
        value={filters.maintenance}
        onChange={(e) => onChange({ maintenance: e.target.value as NodeFilters['maintenance'] })}
      >
        <option value="">Any maintenance</option>
        <option value="any">In maintenance</option>
        {MAINTENANCE_STATES.filter((m) => m !== 'none').map((m) => (
          <option key={m} value={m}>
            {MAINTENANCE_LABEL[m]}
          </option>
        ))}
      </select>
    </div>
  )
}
