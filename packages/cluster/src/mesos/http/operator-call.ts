/**
 * Parsing and validation of `POST /api/v1` calls, in Mesos' order (Master::Http::api):
 * 405 for non-POST; 400 `Expecting 'Content-Type' to be present`; 415 for a content type
 * other than application/json or application/x-protobuf (compared exactly, as Mesos does);
 * 400 `Failed to parse body into JSON: ...`; 400 `Failed to convert JSON into Call protobuf:
 * ...` (not an object, a wrongly typed field, a missing required field); 400 `Failed to
 * validate master::Call: ...`; and only then 406 when the Accept header allows neither JSON
 * nor protobuf.
 *
 * Unknown `type` strings: stout's JSON→protobuf parser drops an unrecognised value of an
 * optional enum field (proto2 semantics), so the call arrives without a type and fails
 * validation with 400 `Expecting 'type' to be present`. Only `"type": "UNKNOWN"` reaches the
 * dispatcher, which answers 501 with an empty body.
 */
import { methodNotAllowed, plain } from './plain-responses.ts'

export type Call = { type: string } & Record<string, unknown>

/** Calls whose sub-message must be present, and the required fields inside it (proto `required`). */
const REQUIRED: Record<string, { message: string; fields: string[] }> = {
  GET_METRICS: { message: 'get_metrics', fields: [] },
  SET_LOGGING_LEVEL: { message: 'set_logging_level', fields: ['level', 'duration.nanoseconds'] },
  LIST_FILES: { message: 'list_files', fields: ['path'] },
  READ_FILE: { message: 'read_file', fields: ['path', 'offset'] },
  UPDATE_MAINTENANCE_SCHEDULE: { message: 'update_maintenance_schedule', fields: ['schedule'] },
  START_MAINTENANCE: { message: 'start_maintenance', fields: [] },
  STOP_MAINTENANCE: { message: 'stop_maintenance', fields: [] },
  DRAIN_AGENT: { message: 'drain_agent', fields: ['agent_id.value'] },
  DEACTIVATE_AGENT: { message: 'deactivate_agent', fields: ['agent_id.value'] },
  REACTIVATE_AGENT: { message: 'reactivate_agent', fields: ['agent_id.value'] },
  MARK_AGENT_GONE: { message: 'mark_agent_gone', fields: ['agent_id.value'] },
  TEARDOWN: { message: 'teardown', fields: ['framework_id.value'] },
  RESERVE_RESOURCES: { message: 'reserve_resources', fields: ['agent_id.value'] },
  UNRESERVE_RESOURCES: { message: 'unreserve_resources', fields: ['agent_id.value'] },
  CREATE_VOLUMES: { message: 'create_volumes', fields: ['agent_id.value'] },
  DESTROY_VOLUMES: { message: 'destroy_volumes', fields: ['agent_id.value'] },
  UPDATE_WEIGHTS: { message: 'update_weights', fields: [] },
  UPDATE_QUOTA: { message: 'update_quota', fields: [] },
}

/** master.proto Call.Type */
export const MASTER_CALL_TYPES = new Set([
  'UNKNOWN', 'GET_HEALTH', 'GET_FLAGS', 'GET_VERSION', 'GET_METRICS', 'GET_LOGGING_LEVEL', 'SET_LOGGING_LEVEL', 'LIST_FILES', 'READ_FILE',
  'GET_STATE', 'GET_AGENTS', 'GET_FRAMEWORKS', 'GET_EXECUTORS', 'GET_OPERATIONS', 'GET_TASKS', 'GET_ROLES', 'GET_WEIGHTS', 'UPDATE_WEIGHTS',
  'GET_MASTER', 'SUBSCRIBE', 'RESERVE_RESOURCES', 'UNRESERVE_RESOURCES', 'CREATE_VOLUMES', 'DESTROY_VOLUMES', 'GROW_VOLUME', 'SHRINK_VOLUME',
  'GET_MAINTENANCE_STATUS', 'GET_MAINTENANCE_SCHEDULE', 'UPDATE_MAINTENANCE_SCHEDULE', 'START_MAINTENANCE', 'STOP_MAINTENANCE',
  'DRAIN_AGENT', 'DEACTIVATE_AGENT', 'REACTIVATE_AGENT', 'GET_QUOTA', 'UPDATE_QUOTA', 'SET_QUOTA', 'REMOVE_QUOTA', 'TEARDOWN', 'MARK_AGENT_GONE',
])

/** agent.proto Call.Type (the subset of names the agent recognises). */
export const AGENT_CALL_TYPES = new Set([
  'UNKNOWN', 'GET_HEALTH', 'GET_FLAGS', 'GET_VERSION', 'GET_METRICS', 'GET_LOGGING_LEVEL', 'SET_LOGGING_LEVEL', 'LIST_FILES', 'READ_FILE',
  'GET_STATE', 'GET_CONTAINERS', 'GET_FRAMEWORKS', 'GET_EXECUTORS', 'GET_OPERATIONS', 'GET_TASKS', 'GET_AGENT', 'GET_RESOURCE_PROVIDERS',
  'LAUNCH_NESTED_CONTAINER', 'WAIT_NESTED_CONTAINER', 'KILL_NESTED_CONTAINER', 'REMOVE_NESTED_CONTAINER', 'LAUNCH_NESTED_CONTAINER_SESSION',
  'ATTACH_CONTAINER_INPUT', 'ATTACH_CONTAINER_OUTPUT', 'LAUNCH_CONTAINER', 'WAIT_CONTAINER', 'KILL_CONTAINER', 'REMOVE_CONTAINER',
  'ADD_RESOURCE_PROVIDER_CONFIG', 'UPDATE_RESOURCE_PROVIDER_CONFIG', 'REMOVE_RESOURCE_PROVIDER_CONFIG', 'MARK_RESOURCE_PROVIDER_GONE',
  'PRUNE_IMAGES',
])

export const JSON_TYPE = 'application/json'
export const PROTOBUF_TYPE = 'application/x-protobuf'

/** Whether an Accept header allows `type` (no header: anything; q=0 excludes). */
export function accepts(accept: string | null, type: string): boolean {
  if (accept === null || accept.trim() === '') return true
  const [major] = type.split('/')
  return accept.split(',').some((part) => {
    const [range = '', ...params] = part.trim().split(';').map((s) => s.trim())
    const q = params.find((p) => p.startsWith('q='))
    if (q !== undefined && Number(q.slice(2)) === 0) return false
    return range === '*/*' || range === `${major}/*` || range.toLowerCase() === type
  })
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'string' : 'object'
}

function missingField(root: Record<string, unknown>, message: string, dotted: string): string | undefined {
  let cur: unknown = root[message]
  for (const part of dotted.split('.')) {
    if (typeof cur !== 'object' || cur === null) return `${message}.${dotted}`
    cur = (cur as Record<string, unknown>)[part]
    if (cur === undefined) return `${message}.${dotted}`
  }
  return undefined
}

export type ParsedCall = { ok: true; call: Call } | { ok: false; response: Response }

export async function parseCall(req: Request, kind: 'master' | 'agent'): Promise<ParsedCall> {
  const fail = (response: Response): ParsedCall => ({ ok: false, response })
  if (req.method !== 'POST') return fail(methodNotAllowed(['POST'], req.method))
  const contentType = req.headers.get('Content-Type')
  if (contentType === null) return fail(plain(400, "Expecting 'Content-Type' to be present"))
  const body = await req.text()
  if (contentType.trim() === PROTOBUF_TYPE) {
    // The emulator has no protobuf codec; Mesos gives this answer to bodies it cannot decode.
    return fail(plain(400, 'Failed to parse body into Call protobuf'))
  }
  if (contentType.trim() !== JSON_TYPE) return fail(plain(415, `Expecting 'Content-Type' of ${JSON_TYPE} or ${PROTOBUF_TYPE}`))
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (err) {
    return fail(plain(400, `Failed to parse body into JSON: ${(err as Error).message}`))
  }
  const convert = (msg: string) => fail(plain(400, `Failed to convert JSON into Call protobuf: ${msg}`))
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return convert('Expecting a JSON object')
  const obj = value as Record<string, unknown>
  const known = kind === 'master' ? MASTER_CALL_TYPES : AGENT_CALL_TYPES
  let type: string | undefined
  if (obj.type !== undefined) {
    if (typeof obj.type !== 'string') return convert(`Not expecting a JSON ${typeName(obj.type)} for field 'type'`)
    // Unrecognised enum values of optional fields are dropped (stout, proto2 semantics).
    if (known.has(obj.type)) type = obj.type
  }
  const required = type ? REQUIRED[type] : undefined
  if (required && obj[required.message] !== undefined) {
    if (typeName(obj[required.message]) !== 'object') return convert(`Not expecting a JSON ${typeName(obj[required.message])} for field '${required.message}'`)
    const missing = required.fields.map((f) => missingField(obj, required.message, f)).filter((m) => m !== undefined)
    if (missing.length > 0) return convert(`Missing required fields: ${missing.join(', ')}`)
  }
  const validate = (msg: string) => fail(plain(400, `Failed to validate ${kind}::Call: ${msg}`))
  if (type === undefined) return validate("Expecting 'type' to be present")
  if (required && obj[required.message] === undefined) return validate(`Expecting '${required.message}' to be present`)
  if (!accepts(req.headers.get('Accept'), JSON_TYPE)) {
    // Only JSON is produced; a protobuf-only Accept gets the same 406 as an unacceptable one.
    return fail(plain(406, `Expecting 'Accept' to allow '${PROTOBUF_TYPE}' or '${JSON_TYPE}'`))
  }
  return { ok: true, call: { ...obj, type } }
}
