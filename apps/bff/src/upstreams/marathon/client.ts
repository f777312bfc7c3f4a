/**
 * Marathon adapter (`/service/marathon/v2/*`, upstream-apis.md §2). App ids are validated by
 * the route schemas and encoded per segment here, so no caller can leave `/v2/apps`.
 */
import { authHeaders, buildUrl, sendJson, type UpstreamClientOptions } from '../http.ts'
import type { MarathonApp, MarathonDeployment, MarathonDeploymentResult, MarathonGroup, MarathonQueueItem } from './wire.ts'

/** The Marathon adapter. */
export type MarathonClient = ReturnType<typeof createMarathonClient>

/** `/prod/web` → `/prod/web` with each segment percent-encoded. */
export function appPath(id: string): string {
  return id.split('/').filter((s) => s !== '').map(encodeURIComponent).join('/')
}

/** Everything the services tree needs in one call (what the DC/OS UI requests). */
// Counts and deployments are all the tree needs; tasks (100,000 on a big cluster) stay out.
export const GROUP_EMBEDS = ['group.groups', 'group.apps', 'group.pods', 'group.apps.deployments', 'group.apps.counts']

/** Creates the adapter; `baseUrl` is the cluster origin. */
export function createMarathonClient(opts: UpstreamClientOptions) {
  const m = { ...opts, baseUrl: `${opts.baseUrl}/service/marathon` }
  const force = (f?: boolean) => (f ? { force: 'true' } : {})
  const deployResult = async (p: Promise<{ headers: Headers; body: MarathonDeploymentResult }>) => {
    const r = await p
    return { deploymentId: r.body?.deploymentId ?? r.headers.get('marathon-deployment-id'), version: r.body?.version ?? null }
  }
  return {
    /** Root group tree with apps, counts, tasks, deployments, last failures. */
    async groups(): Promise<MarathonGroup> {
      return (await sendJson<MarathonGroup>('marathon', m, { path: '/v2/groups', query: { embed: GROUP_EMBEDS } })).body
    },
    /** `GET /v2/apps/{id}` (tasks, counts, deployments, lastTaskFailure always embedded). */
    async app(id: string): Promise<MarathonApp> {
      return (await sendJson<{ app: MarathonApp }>('marathon', m, { path: `/v2/apps/${appPath(id)}` })).body.app
    },
    async appVersions(id: string): Promise<string[]> {
      return (await sendJson<{ versions: string[] }>('marathon', m, { path: `/v2/apps/${appPath(id)}/versions` })).body.versions ?? []
    },
    async appVersion(id: string, version: string): Promise<MarathonApp> {
      return (await sendJson<MarathonApp>('marathon', m, { path: `/v2/apps/${appPath(id)}/versions/${encodeURIComponent(version)}` })).body
    },
    /** `GET /v2/apps?label=<selector>` (Marathon label selector, e.g. `DCOS_PACKAGE_FRAMEWORK_NAME`). */
    async appsWithLabel(selector: string): Promise<MarathonApp[]> {
      return (await sendJson<{ apps?: MarathonApp[] }>('marathon', m, { path: '/v2/apps', query: { label: selector } })).body?.apps ?? []
    },
    async deployments(): Promise<MarathonDeployment[]> {
      return (await sendJson<MarathonDeployment[]>('marathon', m, { path: '/v2/deployments' })).body ?? []
    },
    async queue(): Promise<MarathonQueueItem[]> {
      return (await sendJson<{ queue: MarathonQueueItem[] }>('marathon', m, { path: '/v2/queue' })).body?.queue ?? []
    },
    /** `POST /v2/apps` → 201 AppInfo. */
    async createApp(app: Record<string, unknown>): Promise<{ deploymentId: string | null; version: string | null }> {
      const r = await sendJson<MarathonApp>('marathon', m, { method: 'POST', path: '/v2/apps', body: app })
      return { deploymentId: r.body.deployments?.[0]?.id ?? r.headers.get('marathon-deployment-id'), version: r.body.version ?? null }
    },
    /** `PUT /v2/apps/{id}` (partialUpdate default true). */
    updateApp(id: string, app: Record<string, unknown>, o: { force?: boolean; partialUpdate?: boolean } = {}) {
      return deployResult(
        sendJson('marathon', m, { method: 'PUT', path: `/v2/apps/${appPath(id)}`, body: { ...app, id }, query: { ...force(o.force), ...(o.partialUpdate === false ? { partialUpdate: 'false' } : {}) } }),
      )
    },
    restartApp(id: string, f?: boolean) {
      return deployResult(sendJson('marathon', m, { method: 'POST', path: `/v2/apps/${appPath(id)}/restart`, query: force(f) }))
    },
    deleteApp(id: string, f?: boolean) {
      return deployResult(sendJson('marathon', m, { method: 'DELETE', path: `/v2/apps/${appPath(id)}`, query: force(f) }))
    },
    /** `POST /v2/tasks/delete` (scale/wipe). */
    async killTasks(ids: string[], o: { scale?: boolean; wipe?: boolean; force?: boolean } = {}): Promise<unknown> {
      return (await sendJson('marathon', m, { method: 'POST', path: '/v2/tasks/delete', body: { ids }, query: { ...(o.scale ? { scale: 'true' } : {}), ...(o.wipe ? { wipe: 'true' } : {}), ...force(o.force) } })).body
    },
    /** `DELETE /v2/deployments/{id}`: rollback (force=false) or plain stop (force=true, 202). */
    async deleteDeployment(id: string, f?: boolean): Promise<void> {
      await sendJson('marathon', m, { method: 'DELETE', path: `/v2/deployments/${encodeURIComponent(id)}`, query: force(f) })
    },
    /** `GET /v2/events` as a raw stream (SSE). */
    async events(signal: AbortSignal): Promise<Response> {
      return (opts.fetch ?? fetch)(buildUrl(m.baseUrl, '/v2/events'), { headers: { accept: 'text/event-stream', ...authHeaders(opts.token) }, signal })
    },
  }
}
