/** DC/OS platform endpoints behind Admin Router (upstream-apis.md §0): metadata and dcos-diagnostics. */

/** `GET /dcos-metadata/dcos-version.json` (a static file; no token needed). */
export interface DcosVersion {
  version?: string
  'dcos-variant'?: string
  'dcos-image-commit'?: string
  'bootstrap-id'?: string
}

/** `GET /metadata` (Admin Router lua). */
export interface DcosMetadata {
  PUBLIC_IPV4?: string
  CLUSTER_ID?: string
}

/** dcos-diagnostics' health codes: 0 healthy, 1 unhealthy, 2 warning, 3 not available. */
export type DiagnosticsHealth = number

/** `GET /system/health/v1/units` element (cluster-wide, from the leading master). */
export interface DiagnosticsUnit {
  id: string
  name?: string
  health: DiagnosticsHealth
  description?: string
}

/** `GET /system/health/v1/units/<id>/nodes` element. */
export interface DiagnosticsNode {
  host_ip: string
  health: DiagnosticsHealth
  role?: string
}
