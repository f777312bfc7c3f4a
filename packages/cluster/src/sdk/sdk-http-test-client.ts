/**
 * Test support for the SDK/Cosmos integration tests: a thin client over real HTTP (fetch) to a
 * served cluster, plus a manual-clock driver that lets in-process HTTP (Cosmos → Marathon, the
 * SDK manager → Marathon) settle between virtual seconds.
 */
import type { ServedCluster } from '../testing/serve-cluster.ts'

export const pkgType = (kind: string, v = 'v1'): string => `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${v}`
export const svcType = (kind: string, v = 'v1'): string => `application/vnd.dcos.service.${kind}+json;charset=utf-8;version=${v}`

export interface PlanJson {
  status: string
  errors: string[]
  strategy: string
  phases: Array<{ id: string; name: string; status: string; strategy: string; steps: Array<{ id: string; name: string; status: string }> }>
}

export interface V0Slave {
  id: string
  hostname: string
  active: boolean
  used_resources: { cpus: number; mem: number; disk: number }
  reserved_resources: Record<string, { cpus: number; mem: number; disk: number }>
  reserved_resources_full: Record<string, Array<{ name: string; disk?: { persistence?: { id: string } } }>>
}

export interface V0Task {
  id: string
  name: string
  state: string
  slave_id: string
  framework_id: string
  labels?: Array<{ key: string; value: string }>
}

export interface V0Framework {
  id: string
  name: string
  active: boolean
  tasks: V0Task[]
  /** Mesos v0 lists TASK_UNREACHABLE tasks separately */
  unreachable_tasks?: V0Task[]
}

export interface CosmosReply {
  status: number
  type: string | null
  json: Record<string, unknown>
}

export function clusterClient(served: () => ServedCluster) {
  const url = (path: string): string => `${served().baseUrl}${path}`
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 6; i++) await new Promise((r) => setImmediate(r))
  }
  const getJson = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(url(path))
    const text = await res.text()
    return { status: res.status, body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T }
  }
  const client = {
    url,
    flush,
    getJson,
    /** Advances virtual time in `step` ms ticks, letting HTTP round trips complete in between. */
    async advance(ms: number, step = 1000): Promise<void> {
      for (let t = 0; t < ms; t += step) {
        served().cluster.clock.advance(Math.min(step, ms - t))
        await flush()
      }
    },
    /** Advances until `done()` holds, checking every virtual second; returns the virtual ms spent. */
    async advanceUntil(done: () => Promise<boolean>, limitMs: number): Promise<number> {
      for (let t = 0; t <= limitMs; t += 1000) {
        if (await done()) return t
        await client.advance(1000)
      }
      throw new Error(`condition not met within ${limitMs} virtual ms`)
    },
    async cosmos(path: string, requestType: string, responseType: string, body: unknown): Promise<CosmosReply> {
      const res = await fetch(url(path), {
        method: 'POST',
        headers: { 'Content-Type': requestType, Accept: responseType },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      })
      return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as Record<string, unknown> }
    },
    install: (packageName: string, options?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      client.cosmos('/package/install', pkgType('install-request'), pkgType('install-response', 'v2'), { packageName, ...(options ? { options } : {}), ...extra }),
    uninstall: (packageName: string, extra: Record<string, unknown> = {}) =>
      client.cosmos('/package/uninstall', pkgType('uninstall-request'), pkgType('uninstall-response'), { packageName, ...extra }),
    plan: (service: string, name: string) => getJson<PlanJson>(`/service/${service}/v1/plans/${name}`),
    async slaves(): Promise<V0Slave[]> {
      return (await getJson<{ slaves: V0Slave[] }>('/mesos/master/slaves')).body.slaves
    },
    async framework(name: string): Promise<V0Framework | undefined> {
      const s = (await getJson<{ frameworks: V0Framework[] }>('/mesos/master/frameworks')).body
      return s.frameworks.find((f) => f.name === name && f.active)
    },
    async runningTasks(frameworkName: string): Promise<V0Task[]> {
      const fw = await client.framework(frameworkName)
      return (fw?.tasks ?? []).filter((t) => t.state === 'TASK_RUNNING')
    },
    async demo(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
      const res = await fetch(url(`/api/demo${path}`), { method: 'POST' })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    },
  }
  return client
}
