/**
 * Mesos master/agent adapter over Admin Router paths: v0 reads under `/mesos/master/*`, the v1
 * operator API at `/mesos/api/v1`, the SUBSCRIBE RecordIO stream, and agent sandbox files at
 * `/agent/<id>/files/*` (upstream-apis.md §0, §1).
 */
import { AppError } from '../../errors.ts'
import { authHeaders, buildUrl, mapUpstreamFailure, sendJson, type UpstreamClientOptions } from '../http.ts'
import { RecordIoDecoder } from './recordio.ts'
import { SubscribedStream } from './subscribed-stream.ts'

/** Records above this (in practice only SUBSCRIBED on a big cluster) are parsed as a stream. */
const LARGE_RECORD_BYTES = 1024 * 1024
import type { MesosAgentState, MesosEvent, MesosFileInfo, MesosFileRead, MesosMaintenanceStatus, MesosStateSummary, MesosV0Task, V1GetFlags, V1GetMaster, V1GetTasks } from './wire.ts'

/** Options: `baseUrl` is the cluster origin (Admin Router), not `/mesos`. */
export type MesosClientOptions = UpstreamClientOptions

/** The Mesos adapter. */
export type MesosClient = ReturnType<typeof createMesosClient>

/** Creates the Mesos adapter. */
export function createMesosClient(opts: MesosClientOptions) {
  const master = { ...opts, baseUrl: `${opts.baseUrl}/mesos` }
  const agentOpts = (agentId: string) => ({ ...opts, baseUrl: `${opts.baseUrl}/agent/${encodeURIComponent(agentId)}` })

  async function operator<T>(call: Record<string, unknown>, idempotent: boolean): Promise<T> {
    const res = await sendJson<T>('mesos', master, { method: 'POST', path: '/api/v1', body: call, idempotent })
    return res.body
  }

  return {
    /** `GET /master/state-summary`: agents with TASK_* counters, frameworks. */
    async stateSummary(): Promise<MesosStateSummary> {
      return (await sendJson<MesosStateSummary>('mesos', master, { path: '/master/state-summary' })).body ?? {}
    },
    /** `GET /master/maintenance/status` */
    async maintenanceStatus(): Promise<MesosMaintenanceStatus> {
      return (await sendJson<MesosMaintenanceStatus>('mesos', master, { path: '/master/maintenance/status' })).body ?? {}
    },
    /** v1 GET_MASTER: the leading master's MasterInfo (id, pid, hostname, version) and election time. */
    async getMaster(): Promise<V1GetMaster> {
      return (await operator<{ get_master?: V1GetMaster }>({ type: 'GET_MASTER' }, true))?.get_master ?? {}
    },
    /** v1 GET_FLAGS: the master's flags (small, unlike state-summary on a large cluster). */
    async getFlags(): Promise<V1GetFlags> {
      return (await operator<{ get_flags?: V1GetFlags }>({ type: 'GET_FLAGS' }, true))?.get_flags ?? {}
    },
    /** v1 GET_TASKS (all active, unreachable and completed tasks). */
    async getTasks(): Promise<V1GetTasks> {
      const body = await operator<{ get_tasks?: V1GetTasks }>({ type: 'GET_TASKS' }, true)
      return body?.get_tasks ?? {}
    },
    /**
     * One task by id from `/master/tasks?task_id=` (active, unreachable and completed tasks),
     * or null. Mesos filters server-side, so this does not ship the whole task list.
     */
    async task(taskId: string): Promise<MesosV0Task | null> {
      const res = await sendJson<{ tasks?: MesosV0Task[] }>('mesos', master, { path: '/master/tasks', query: { task_id: taskId } })
      return res.body?.tasks?.find((t) => t.id === taskId) ?? null
    },
    /**
     * Tasks of one framework from `/master/tasks?framework_id=` (newest first, active and
     * completed), filtered by Mesos so a pod view does not ship the whole task list.
     */
    async frameworkTasks(frameworkId: string, limit = 1000): Promise<MesosV0Task[]> {
      const res = await sendJson<{ tasks?: MesosV0Task[] }>('mesos', master, { path: '/master/tasks', query: { framework_id: frameworkId, limit } })
      return res.body?.tasks ?? []
    },
    /** v1 DRAIN_AGENT: kill tasks and stop offers (Mesos 1.9+ automatic agent draining). */
    async drainAgent(agentId: string, o: { maxGracePeriodSeconds?: number; markGone?: boolean } = {}): Promise<void> {
      await operator(
        {
          type: 'DRAIN_AGENT',
          drain_agent: {
            agent_id: { value: agentId },
            ...(o.maxGracePeriodSeconds !== undefined ? { max_grace_period: { nanoseconds: o.maxGracePeriodSeconds * 1e9 } } : {}),
            ...(o.markGone !== undefined ? { mark_gone: o.markGone } : {}),
          },
        },
        false,
      )
    },
    /** v1 DEACTIVATE_AGENT: no new offers, tasks keep running. */
    async deactivateAgent(agentId: string): Promise<void> {
      await operator({ type: 'DEACTIVATE_AGENT', deactivate_agent: { agent_id: { value: agentId } } }, false)
    },
    /** v1 REACTIVATE_AGENT: undoes deactivate and drain. */
    async reactivateAgent(agentId: string): Promise<void> {
      await operator({ type: 'REACTIVATE_AGENT', reactivate_agent: { agent_id: { value: agentId } } }, false)
    },
    /** Agent `/slave(1)/state`, for sandbox directories. */
    async agentState(agentId: string): Promise<MesosAgentState> {
      return (await sendJson<MesosAgentState>('mesos', agentOpts(agentId), { path: '/slave(1)/state' })).body ?? {}
    },
    /** Agent `/files/browse`: the entries of a directory (404 once the agent dropped it). */
    async browseFiles(agentId: string, path: string): Promise<MesosFileInfo[]> {
      return (await sendJson<MesosFileInfo[]>('mesos', agentOpts(agentId), { path: '/files/browse', query: { path } })).body ?? []
    },
    /** Agent `/files/read`; `offset: -1` probes the size (Mesos pailer convention). */
    async readFile(agentId: string, path: string, offset: number, length?: number): Promise<MesosFileRead> {
      const res = await sendJson<MesosFileRead>('mesos', agentOpts(agentId), {
        path: '/files/read',
        query: { path, offset, ...(length !== undefined ? { length } : {}) },
      })
      return res.body
    },
    /**
     * Opens the v1 SUBSCRIBE stream and yields decoded events until the stream ends or `signal`
     * aborts. Non-2xx answers throw the mapped AppError.
     */
    async *subscribe(signal: AbortSignal): AsyncGenerator<MesosEvent> {
      const doFetch = opts.fetch ?? fetch
      let res: Response
      try {
        res = await doFetch(buildUrl(master.baseUrl, '/api/v1'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders(opts.token) },
          body: JSON.stringify({ type: 'SUBSCRIBE' }),
          signal,
        })
      } catch (cause) {
        throw new AppError('UpstreamUnavailable', 'Mesos is unreachable', { upstream: { name: 'mesos' }, cause })
      }
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '')
        // 401/403 (token expired, not allowed) must read as an auth problem, not as Mesos being down.
        if (res.status >= 400 && res.status < 500) throw mapUpstreamFailure('mesos', res.status, text)
        throw new AppError('UpstreamUnavailable', `Mesos SUBSCRIBE answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`, { upstream: { name: 'mesos', status: res.status } })
      }
      const decoder = new RecordIoDecoder(LARGE_RECORD_BYTES)
      let snapshot: SubscribedStream | undefined
      const reader = res.body.getReader()
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) return
          for (const part of decoder.parts(value)) {
            if (part.kind === 'record') yield JSON.parse(part.text) as MesosEvent
            else if (part.kind === 'large-start') snapshot = new SubscribedStream()
            else if (part.kind === 'large-chunk') snapshot?.write(part.bytes)
            else if (snapshot) {
              yield snapshot.end()
              snapshot = undefined
            }
          }
        }
      } finally {
        reader.cancel().catch(() => undefined)
      }
    },
  }
}

