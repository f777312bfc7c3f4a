import type { ClusterInfoView } from '@meridian/api'
import { useQuery } from '@tanstack/react-query'
import { dashboardQueryOptions } from '#features/dashboard/api/get-dashboard.ts'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useLiveStatusStore } from '#shared/live/live-status-store.ts'
import { useSession } from '#shared/session/session-context.tsx'
import { StatusBadge } from '#shared/ui/status-badge.tsx'
import { clusterInfoQueryOptions } from './get-cluster-info.ts'

function clusterTitle(info: ClusterInfoView): string {
  const parts = [info.mode === 'demo' ? 'Embedded demo cluster' : 'DC/OS cluster']
  if (info.dcos?.version) parts.push(`DC/OS ${info.dcos.version}${info.dcos.variant ? ` (${info.dcos.variant})` : ''}`)
  if (info.mesos.version) parts.push(`Mesos ${info.mesos.version}`)
  if (info.mesos.leader.hostname) parts.push(`leader ${info.mesos.leader.hostname}`)
  return parts.join(' · ')
}

/** Cluster name (Mesos --cluster) and one health word: degraded upstreams or unhealthy nodes turn it amber/red. */
export function ClusterHealth() {
  const session = useSession()
  const api = useApiClient()
  const dash = useQuery(dashboardQueryOptions(api))
  const info = useQuery(clusterInfoQueryOptions(api)).data
  const live = useLiveStatusStore((s) => s.status)
  const down = useLiveStatusStore((s) => s.downUpstreams)
  const d = dash.data
  const degraded = (d?.degraded.length ?? 0) > 0 || down.length > 0
  const unhealthy = d?.nodes.unhealthy ?? 0
  const tone = dash.error ? 'danger' : degraded ? 'warn' : unhealthy > 0 ? 'warn' : d ? 'ok' : 'neutral'
  const text = dash.error ? 'Unreachable' : degraded ? 'Degraded' : unhealthy > 0 ? `${unhealthy} unhealthy node${unhealthy === 1 ? '' : 's'}` : d ? 'Healthy' : 'Checking…'
  return (
    <div className="cluster-name">
      <span title={info ? clusterTitle(info) : undefined}>{info?.name ?? (session?.mode === 'demo' ? 'Demo cluster' : 'Cluster')}</span>
      <StatusBadge tone={tone} title="Cluster health">
        {text}
      </StatusBadge>
      <span className={`live-dot live-${live}`} title={`Live updates: ${live}`} aria-label={`Live updates ${live}`} role="img" />
    </div>
  )
}
