/**
 * DC/OS platform adapter: the cluster's release (`/dcos-metadata/dcos-version.json`), its id
 * (`/metadata`) and component health from the leading master's dcos-diagnostics
 * (`/system/health/v1`, cluster-wide: units, and the nodes of one unit).
 */
import { sendJson, type UpstreamClientOptions } from '../http.ts'
import type { DcosMetadata, DcosVersion, DiagnosticsNode, DiagnosticsUnit } from './wire.ts'

/** The DC/OS platform adapter. */
export type DcosClient = ReturnType<typeof createDcosClient>

/** Creates the adapter; `baseUrl` is the cluster origin. */
export function createDcosClient(opts: UpstreamClientOptions) {
  // Release and id are decoration of `/api/cluster`: one short try each, so a cluster that hangs
  // on them does not hold the cluster's name up for the retries' ~30 s.
  const decoration = { ...opts, retries: 0, timeoutMs: Math.min(opts.timeoutMs ?? 3000, 3000) }
  return {
    async version(): Promise<DcosVersion> {
      return (await sendJson<DcosVersion>('dcos', decoration, { path: '/dcos-metadata/dcos-version.json' })).body ?? {}
    },
    async metadata(): Promise<DcosMetadata> {
      return (await sendJson<DcosMetadata>('dcos', decoration, { path: '/metadata' })).body ?? {}
    },
    /** Every DC/OS unit with its worst health across the nodes it runs on. */
    async units(): Promise<DiagnosticsUnit[]> {
      return (await sendJson<{ units?: DiagnosticsUnit[] | null }>('dcos', opts, { path: '/system/health/v1/units' })).body?.units ?? []
    },
    /** The nodes one unit runs on, with its health there. */
    async unitNodes(unitId: string): Promise<DiagnosticsNode[]> {
      return (await sendJson<{ nodes?: DiagnosticsNode[] | null }>('dcos', opts, { path: `/system/health/v1/units/${encodeURIComponent(unitId)}/nodes` })).body?.nodes ?? []
    },
  }
}
