/**
 * The Mesos state views read: from the BFF's mirror when it is in sync with the SUBSCRIBE
 * stream (a lookup), else from the master (`state-summary` + maintenance status).
 */
import type { MesosMirror } from '../mirror/mesos-mirror.ts'
import type { MesosClient, MesosMaintenanceStatus, MesosStateSummary } from '../upstreams/mesos/index.ts'

export interface MesosState {
  summary: MesosStateSummary
  maintenance: MesosMaintenanceStatus | undefined
  /** where it came from (tests, debugging) */
  source: 'mirror' | 'master'
}

/** Maintenance status is optional decoration: a master without maintenance support still lists nodes. */
function maintenanceOrUndefined(p: Promise<MesosMaintenanceStatus>): Promise<MesosMaintenanceStatus | undefined> {
  return p.catch(() => undefined)
}

/** Summary and maintenance status, mirror first. */
export async function loadMesosState(mesos: MesosClient, mirror: MesosMirror | undefined): Promise<MesosState> {
  if (mirror?.synced) return { summary: mirror.summary(), maintenance: mirror.maintenanceStatus(), source: 'mirror' }
  const [summary, maintenance] = await Promise.all([mesos.stateSummary(), maintenanceOrUndefined(mesos.maintenanceStatus())])
  return { summary, maintenance, source: 'master' }
}
