/**
 * DC/OS SDK scheduler adapter (`/service/<name>/v1/plans...`, upstream-apis.md §5). The plan
 * GET encodes progress in its status code (200 complete, 202 in progress, 417 errors), so those
 * are accepted; plan commands answer 208 text when already applied. SDK errors are text/plain
 * (`Plan foo not found`), which the shared client keeps as the message.
 */
import { AppError } from '../../errors.ts'
import { sendJson, sendUpstream, type UpstreamClientOptions } from '../http.ts'
import type { SdkPlan, SdkPodCommandResult, SdkPodStatus } from './wire.ts'

/** The SDK adapter. */
export type SdkClient = ReturnType<typeof createSdkClient>

/** Plan commands of the SDK's PlansResource. */
export type SdkPlanCommand = 'start' | 'stop' | 'continue' | 'interrupt' | 'forceComplete' | 'restart'

/** `/service/<name>` with each segment encoded; refuses names that could leave `/service`. */
export function servicePath(name: string): string {
  const segments = name.split('/').filter((s) => s !== '')
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..')) throw new AppError('ValidationFailed', `Not an SDK service name: ${name}`)
  return `/service/${segments.map(encodeURIComponent).join('/')}`
}

/** Creates the adapter; `baseUrl` is the cluster origin. */
export function createSdkClient(opts: UpstreamClientOptions) {
  return {
    /** `GET /v1/plans` → plan names. */
    async planNames(service: string): Promise<string[]> {
      return (await sendJson<string[]>('sdk', opts, { path: `${servicePath(service)}/v1/plans` })).body ?? []
    },
    /** `GET /v1/plans/{plan}` (200/202/417 all carry the plan). */
    async plan(service: string, plan: string): Promise<SdkPlan> {
      return (await sendJson<SdkPlan>('sdk', opts, { path: `${servicePath(service)}/v1/plans/${encodeURIComponent(plan)}`, acceptStatuses: [202, 417] })).body
    },
    /**
     * `POST /v1/plans/{plan}/{command}` with `phase`/`step` and (start only) env parameters.
     * 208 means "already reported or completed": not an error, nothing changed.
     */
    async command(service: string, plan: string, command: SdkPlanCommand, o: { phase?: string; step?: string; parameters?: Record<string, string> } = {}): Promise<{ message: string; changed: boolean }> {
      const res = await sendUpstream('sdk', opts, {
        method: 'POST',
        path: `${servicePath(service)}/v1/plans/${encodeURIComponent(plan)}/${command}`,
        query: { phase: o.phase, step: o.step },
        ...(command === 'start' ? { body: o.parameters ?? {} } : {}),
        idempotent: false,
        acceptStatuses: [208],
      })
      if (res.status === 208) return { message: res.text.trim() || 'Command has already been reported or completed', changed: false }
      let message = res.text.trim()
      try {
        const parsed = JSON.parse(res.text) as { message?: unknown }
        if (typeof parsed.message === 'string') message = parsed.message
      } catch {
        // plain text answer: keep it
      }
      return { message, changed: true }
    },
    /** `GET /v1/pod/status`: every pod instance and its tasks' states. */
    async podStatus(service: string): Promise<SdkPodStatus> {
      return (await sendJson<SdkPodStatus>('sdk', opts, { path: `${servicePath(service)}/v1/pod/status` })).body ?? {}
    },
    /** `POST /v1/pod/<name>/restart` (relaunch in place) or `/replace` (relaunch anywhere, dropping its reservations). */
    async podCommand(service: string, pod: string, action: 'restart' | 'replace'): Promise<SdkPodCommandResult> {
      const res = await sendJson<SdkPodCommandResult>('sdk', opts, { method: 'POST', path: `${servicePath(service)}/v1/pod/${encodeURIComponent(pod)}/${action}`, idempotent: false })
      return res.body ?? { pod, tasks: [] }
    },
    /** `GET /v1/state/frameworkId` → the scheduler's Mesos framework id. */
    async frameworkId(service: string): Promise<string | null> {
      return (await sendJson<string[]>('sdk', opts, { path: `${servicePath(service)}/v1/state/frameworkId` })).body?.[0] ?? null
    },
  }
}
