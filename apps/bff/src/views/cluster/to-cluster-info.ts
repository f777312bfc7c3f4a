/** Which cluster this is: the Mesos `--cluster` name, version and leading master. */
import type { ClusterInfoView } from '@meridian/api'
import type { DcosMetadata, DcosVersion } from '../../upstreams/dcos/index.ts'
import type { V1GetFlags, V1GetMaster } from '../../upstreams/mesos/index.ts'

/** Mesos reports times as fractional seconds since the epoch. */
function isoFromSeconds(s: number | undefined): string | null {
  return s === undefined || !Number.isFinite(s) ? null : new Date(s * 1000).toISOString()
}

/**
 * Builds `GET /api/cluster`. The name is the master's `--cluster` flag, the value state-summary
 * renders as `cluster` (Mesos omits both when the flag is unset; we fall back to the leader's
 * hostname then, as the DC/OS UI does).
 */
export function toClusterInfo(master: V1GetMaster, flags: V1GetFlags, mode: ClusterInfoView['mode'], dcos: { version?: DcosVersion; metadata?: DcosMetadata } = {}): ClusterInfoView {
  const info = master.master_info ?? {}
  const hostname = info.hostname ?? info.address?.hostname ?? info.address?.ip ?? null
  const flagged = flags.flags?.find((f) => f.name === 'cluster')?.value?.trim()
  return {
    name: flagged || hostname || 'Unnamed cluster',
    named: Boolean(flagged),
    mode,
    mesos: {
      version: info.version ?? null,
      leader: { id: info.id ?? null, hostname, pid: info.pid ?? null, electedAt: isoFromSeconds(master.elected_time) },
    },
    dcos:
      dcos.version || dcos.metadata
        ? {
            version: dcos.version?.version ?? null,
            variant: dcos.version?.['dcos-variant'] ?? null,
            clusterId: dcos.metadata?.CLUSTER_ID ?? null,
            publicIp: dcos.metadata?.PUBLIC_IPV4 ?? null,
          }
        : null,
  }
}
