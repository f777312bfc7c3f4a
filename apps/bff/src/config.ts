/**
 * BFF configuration from the environment. With no DCOS_URL the BFF talks to the embedded
 * cluster it serves itself on the same origin; with DCOS_URL it talks to a real cluster.
 */
export interface BffConfig {
  port: number
  host: string
  /** Base URL of the cluster's Admin Router (no trailing slash). */
  clusterUrl: string
  /** Static token sent as `Authorization: token=...` (DCOS_ACS_TOKEN). */
  clusterToken?: string
  /** True when the BFF serves and talks to its own embedded cluster. */
  embedded: boolean
}

export function configFromEnv(env: Record<string, string | undefined>): BffConfig {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port, got "${env.PORT}"`)
  const host = env.HOST ?? '127.0.0.1'
  const remote = env.DCOS_URL?.trim()
  const clusterUrl = (remote && remote !== '' ? remote : `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, '')
  return {
    port,
    host,
    clusterUrl,
    ...(env.DCOS_ACS_TOKEN ? { clusterToken: env.DCOS_ACS_TOKEN } : {}),
    embedded: !remote,
  }
}
