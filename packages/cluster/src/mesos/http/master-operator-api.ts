/**
 * The master's `POST /api/v1` dispatcher (Master::Http::api). Reads answer 200 with
 * `{type, <snake_type>: {...}}`; maintenance, drain/deactivate/reactivate, MARK_AGENT_GONE and
 * TEARDOWN answer 200 with an empty body, as the handlers in src/master/http.cpp return OK().
 * Resource operations (RESERVE_RESOURCES, CREATE_VOLUMES, quota and weight updates, ...) are
 * not emulated and answer 501.
 */
import type { SimClock } from '../../sim/clock.ts'
import { listFilesV1, readFileV1 } from '../sandbox/files-api.ts'
import { masterFileTree } from '../sandbox/file-tree.ts'
import type { MesosMaster } from '../state/master.ts'
import { clusterStatusJson, parseMachineList, parseSchedule, scheduleJson, startMaintenance, stopMaintenance, agentsOnMachine } from './maintenance.ts'
import { masterFlags } from './master-info.ts'
import { metricsSnapshot } from './metrics.ts'
import { parseCall, type Call } from './operator-call.ts'
import { emptyOk, plain } from './plain-responses.ts'
import { composite, jsonStreamResponse } from './raw-json.ts'
import { getAgents, getExecutors, getFrameworks, getMaster, getRoles, getState, getTasks, getVersion } from './render-v1.ts'
import { subscribeResponse } from './subscribe.ts'
import { updateSchedule } from './maintenance.ts'

// Streamed: GET_STATE at 100,000 tasks is ~300 MB of JSON, spliced from cached task JSON.
const reply = (type: string, payload: unknown) => jsonStreamResponse(composite({ type, [type.toLowerCase()]: payload }))
const sub = (call: Call, key: string) => (call[key] ?? {}) as Record<string, unknown>
const agentIdOf = (call: Call, key: string) => ((sub(call, key).agent_id ?? {}) as { value?: string }).value ?? ''

export async function masterOperatorApi(req: Request, master: MesosMaster, clock: SimClock): Promise<Response> {
  const parsed = await parseCall(req, 'master')
  if (!parsed.ok) return parsed.response
  const call = parsed.call
  switch (call.type) {
    case 'UNKNOWN':
      return plain(501)
    case 'GET_HEALTH':
      return reply('GET_HEALTH', { healthy: true })
    case 'GET_FLAGS':
      return reply('GET_FLAGS', { flags: Object.entries(masterFlags(master)).map(([name, value]) => ({ name, value })) })
    case 'GET_VERSION':
      return reply('GET_VERSION', getVersion())
    case 'GET_METRICS':
      return reply('GET_METRICS', { metrics: Object.entries(metricsSnapshot(master)).map(([name, value]) => ({ name, value })) })
    case 'GET_LOGGING_LEVEL':
      return reply('GET_LOGGING_LEVEL', { level: 0 })
    case 'GET_MASTER':
      return reply('GET_MASTER', getMaster(master))
    case 'GET_STATE':
      return reply('GET_STATE', getState(master))
    case 'GET_AGENTS':
      return reply('GET_AGENTS', getAgents(master))
    case 'GET_FRAMEWORKS':
      return reply('GET_FRAMEWORKS', getFrameworks(master))
    case 'GET_EXECUTORS':
      return reply('GET_EXECUTORS', getExecutors(master))
    case 'GET_TASKS':
      return reply('GET_TASKS', getTasks(master))
    case 'GET_ROLES':
      return reply('GET_ROLES', getRoles(master))
    case 'GET_WEIGHTS':
      return reply('GET_WEIGHTS', {})
    case 'GET_OPERATIONS':
      return reply('GET_OPERATIONS', {})
    case 'GET_QUOTA':
      return reply('GET_QUOTA', { status: {} })
    case 'LIST_FILES': {
      const r = listFilesV1(masterFileTree(master), String(sub(call, 'list_files').path))
      return r.ok ? reply('LIST_FILES', r.value) : plain(r.status, r.message)
    }
    case 'READ_FILE': {
      const p = sub(call, 'read_file')
      const r = readFileV1(masterFileTree(master), { path: String(p.path), offset: Number(p.offset), ...(p.length !== undefined ? { length: Number(p.length) } : {}) })
      return r.ok ? reply('READ_FILE', r.value) : plain(r.status, r.message)
    }
    case 'SUBSCRIBE':
      return subscribeResponse(master, clock)
    case 'GET_MAINTENANCE_STATUS':
      return reply('GET_MAINTENANCE_STATUS', { status: clusterStatusJson(master) })
    case 'GET_MAINTENANCE_SCHEDULE':
      return reply('GET_MAINTENANCE_SCHEDULE', { schedule: scheduleJson(master) })
    case 'UPDATE_MAINTENANCE_SCHEDULE': {
      const schedule = parseSchedule(sub(call, 'update_maintenance_schedule').schedule)
      if (!schedule.ok) return plain(400, `Failed to convert JSON into Call protobuf: ${schedule.message}`)
      const r = updateSchedule(master, schedule.value)
      return r.ok ? emptyOk() : plain(400, r.message)
    }
    case 'START_MAINTENANCE':
    case 'STOP_MAINTENANCE': {
      const key = call.type === 'START_MAINTENANCE' ? 'start_maintenance' : 'stop_maintenance'
      const ids = parseMachineList(sub(call, key).machines ?? [])
      if (!ids.ok) return plain(400, `Failed to convert JSON into Call protobuf: ${ids.message}`)
      const r = call.type === 'START_MAINTENANCE' ? startMaintenance(master, ids.value) : stopMaintenance(master, ids.value)
      return r.ok ? emptyOk() : plain(400, r.message)
    }
    case 'DRAIN_AGENT': {
      const agentId = agentIdOf(call, 'drain_agent')
      const agent = master.agents.get(agentId)
      if (!agent) return plain(400, 'Unknown agent')
      for (const w of master.maintenance.windows) {
        for (const m of w.machine_ids) {
          if (agentsOnMachine(master, m).includes(agent)) return plain(400, `Agent ${agentId} is part of a maintenance schedule under Machine ${JSON.stringify(m)}`)
        }
      }
      const p = sub(call, 'drain_agent')
      const grace = (p.max_grace_period as { nanoseconds?: number } | undefined)?.nanoseconds
      master.drainAgent(agentId, { markGone: p.mark_gone === true, ...(grace !== undefined ? { maxGracePeriodNs: grace } : {}) })
      return emptyOk()
    }
    case 'DEACTIVATE_AGENT': {
      if (!master.deactivateAgent(agentIdOf(call, 'deactivate_agent'))) return plain(400, 'Unknown agent')
      return emptyOk()
    }
    case 'REACTIVATE_AGENT': {
      const agent = master.agents.get(agentIdOf(call, 'reactivate_agent'))
      if (!agent || !agent.deactivated) return plain(400, 'Agent is not deactivated')
      if (agent.drain?.state === 'DRAINING') return plain(400, 'Agent is still in the DRAINING state')
      master.reactivateAgent(agent.id)
      return emptyOk()
    }
    case 'MARK_AGENT_GONE': {
      const agentId = agentIdOf(call, 'mark_agent_gone')
      if (master.goneAgents.has(agentId)) return emptyOk()
      if (!master.agents.has(agentId)) return plain(404, `Agent '${agentId}' not found`)
      master.removeAgent(agentId, 'REASON_AGENT_REMOVED_BY_OPERATOR', 'TASK_GONE_BY_OPERATOR')
      return emptyOk()
    }
    case 'TEARDOWN': {
      const fwId = ((sub(call, 'teardown').framework_id ?? {}) as { value?: string }).value ?? ''
      if (!master.frameworks.has(fwId)) return plain(400, 'No framework found with specified ID')
      master.removeFramework(fwId)
      return emptyOk()
    }
    default:
      return plain(501)
  }
}
