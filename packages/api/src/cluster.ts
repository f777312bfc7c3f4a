/** Which cluster the console is talking to (header, about box), and its DC/OS components' health. */
import { z } from 'zod'

/** GET /api/cluster */
export interface ClusterInfoView {
  /** Mesos `--cluster` name (state-summary `cluster`); the leading master's hostname when unset */
  name: string
  /** true when `name` is the Mesos `--cluster` flag rather than a hostname fallback */
  named: boolean
  /** demo: the embedded demo cluster with built-in users; cluster: a DC/OS cluster behind IAM */
  mode: 'demo' | 'cluster'
  mesos: {
    /** e.g. `1.11.0` */
    version: string | null
    /** the leading master (the one that answered; followers redirect) */
    leader: { id: string | null; hostname: string | null; pid: string | null; electedAt: string | null }
  }
  /** DC/OS release (`/dcos-metadata/dcos-version.json`) and id (`/metadata`); null when the cluster serves neither */
  dcos: { version: string | null; variant: string | null; clusterId: string | null; publicIp: string | null } | null
}

/** dcos-diagnostics' 0 / 1 / 2 / 3 (anything else reads as unknown). */
export type ComponentHealth = 'healthy' | 'unhealthy' | 'warning' | 'unknown'

/** One DC/OS systemd unit, cluster-wide (its worst health over the nodes it runs on). */
export interface ComponentView {
  /** systemd unit, e.g. `dcos-mesos-master.service` */
  id: string
  /** e.g. `Mesos Master` */
  name: string
  description: string | null
  health: ComponentHealth
}

/** GET /api/cluster/components: unhealthy first, then warning, unknown, healthy; by name within. */
export interface ComponentsView {
  components: ComponentView[]
  counts: Record<ComponentHealth, number>
}

/** GET /api/cluster/components/:id/nodes */
export interface ComponentNodesView {
  component: string
  nodes: Array<{ ip: string; role: 'master' | 'agent' | 'agent_public' | null; health: ComponentHealth }>
}

/** A systemd unit name as dcos-diagnostics reports them. */
export const ComponentParamSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9@._:-]{0,199}\.(service|timer|socket|target|mount|path)$/, 'not a systemd unit name (e.g. dcos-mesos-master.service)'),
})
