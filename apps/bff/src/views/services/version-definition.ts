/** One stored version of an app definition, shaped for comparing versions side by side. */
import type { ServiceVersionView } from '@meridian/api'
import type { MarathonApp } from '../../upstreams/marathon/index.ts'

/**
 * What Marathon stamps on a stored definition (`version`, `versionInfo`) and the AppInfo status
 * fields it embeds on reads. None is configuration, so a diff over them would be noise; the
 * rest is exactly what a PUT of that version would send.
 */
const NOT_CONFIGURATION = new Set(['version', 'versionInfo', 'tasks', 'tasksStaged', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy', 'deployments', 'lastTaskFailure', 'readinessCheckResults', 'taskStats', 'tasksStats'])

/** Builds `GET /api/services/:id/versions/:version` from Marathon's `/v2/apps/{id}/versions/{version}`. */
export function toServiceVersionView(id: string, version: string, app: MarathonApp): ServiceVersionView {
  const definition: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(app)) if (!NOT_CONFIGURATION.has(k)) definition[k] = v
  return { id, version, definition }
}
