/**
 * Cosmos's Marathon client: real Cosmos talks to Marathon's HTTP API (`/v2/apps`), and so does
 * this one, through a fetch-like function (in the embedded cluster: the cluster's own Hono app).
 */
import type { JsonObject } from './universe/package-definition.ts'
import { CosmosError, marathonBadGateway } from './errors.ts'

export type FetchLike = (path: string, init?: RequestInit) => Response | Promise<Response>

export interface MarathonApp {
  id: string
  labels?: Record<string, string>
  env?: Record<string, unknown>
  version?: string
  tasks?: Array<{ id: string; state?: string }>
  tasksRunning?: number
  [extra: string]: unknown
}

export interface MarathonReply {
  status: number
  body: JsonObject
  headers: Headers
}

/** Marathon normalises ids to absolute paths; Cosmos compares normalised ids. */
export function normalizeAppId(id: string): string {
  const parts = id.split('/').filter((p) => p !== '')
  return `/${parts.join('/')}`
}

export class MarathonClient {
  constructor(
    private readonly fetchImpl: FetchLike,
    private readonly base = '/service/marathon',
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<MarathonReply> {
    let res: Response
    try {
      res = await this.fetchImpl(`${this.base}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      })
    } catch (err) {
      throw new CosmosError('ServiceUnavailable', `Unable to complete request because service [marathon] is unavailable: ${(err as Error).message}`, 503, {
        serviceName: 'marathon',
      })
    }
    const text = await res.text()
    let parsed: unknown
    try {
      parsed = text === '' ? {} : JSON.parse(text)
    } catch {
      parsed = { message: text }
    }
    return { status: res.status, body: (parsed ?? {}) as JsonObject, headers: res.headers }
  }

  /** All apps (Cosmos reads every app to find packages by label). */
  async listApps(query = ''): Promise<MarathonApp[]> {
    const r = await this.call('GET', `/v2/apps${query}`)
    if (r.status === 404) return []
    if (r.status >= 400) throw marathonBadGateway(r.status)
    return (r.body.apps as MarathonApp[] | undefined) ?? []
  }

  async getApp(id: string): Promise<MarathonApp | undefined> {
    const r = await this.call('GET', `/v2/apps${normalizeAppId(id)}`)
    if (r.status === 404) return undefined
    if (r.status >= 400) throw marathonBadGateway(r.status)
    return r.body.app as MarathonApp
  }

  createApp(app: JsonObject): Promise<MarathonReply> {
    return this.call('POST', '/v2/apps', app)
  }

  updateApp(id: string, app: JsonObject, force = true): Promise<MarathonReply> {
    return this.call('PUT', `/v2/apps${normalizeAppId(id)}?force=${force}`, app)
  }

  deleteApp(id: string, force = true): Promise<MarathonReply> {
    return this.call('DELETE', `/v2/apps${normalizeAppId(id)}?force=${force}`)
  }

  async deployments(): Promise<Array<{ id: string; affectedApps?: string[] }>> {
    const r = await this.call('GET', '/v2/deployments')
    if (r.status >= 400) return []
    return Array.isArray(r.body) ? (r.body as Array<{ id: string; affectedApps?: string[] }>) : []
  }
}
