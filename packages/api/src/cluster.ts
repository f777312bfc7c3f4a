/** Which cluster the console is talking to (header, about box). */

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
}
