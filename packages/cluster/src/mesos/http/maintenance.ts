/**
 * Maintenance primitives (src/master/maintenance.cpp and the maintenance handlers in
 * src/master/http.cpp): the schedule, per-machine modes (UP → DRAINING → DOWN → UP) and the
 * validation messages Mesos answers with (400, plain text). A machine matches an agent when
 * both hostname (case-insensitively) and ip match; omitted fields count as "".
 */
import type { MesosMaster } from '../state/master.ts'
import type { MaintenanceWindow, SimAgent } from '../state/types.ts'

export interface MachineId {
  hostname?: string
  ip?: string
}

interface Machine {
  id: MachineId
  mode: 'DRAINING' | 'DOWN'
}

const books = new WeakMap<MesosMaster, Map<string, Machine>>()

function machinesOf(master: MesosMaster): Map<string, Machine> {
  let m = books.get(master)
  if (!m) books.set(master, (m = new Map()))
  return m
}

const keyOf = (id: MachineId) => `${(id.hostname ?? '').toLowerCase()}|${id.ip ?? ''}`
/** stringify(JSON::protobuf(MachineID)) */
const show = (id: MachineId) => JSON.stringify({ ...(id.hostname !== undefined ? { hostname: id.hostname } : {}), ...(id.ip !== undefined ? { ip: id.ip } : {}) })

export type Result<T> = { ok: true; value: T } | { ok: false; message: string }

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/

function validateMachine(id: MachineId): string | undefined {
  if (id.hostname === undefined && id.ip === undefined) return 'MachineID must include a hostname or an IP'
  if (id.ip !== undefined && !IPV4.test(id.ip)) return `Failed to parse IP address '${id.ip}'`
  return undefined
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** protobuf::parse<MachineID> of one JSON value. */
function parseMachineId(v: unknown, path: string): Result<MachineId> {
  if (!isObject(v)) return { ok: false, message: `Expecting a JSON object for '${path}'` }
  const id: MachineId = {}
  for (const field of ['hostname', 'ip'] as const) {
    const x = v[field]
    if (x === undefined) continue
    if (typeof x !== 'string') return { ok: false, message: `Not expecting a JSON ${typeof x} for field '${field}'` }
    id[field] = x
  }
  return { ok: true, value: id }
}

/** protobuf::parse<RepeatedPtrField<MachineID>> for /machine/down|up bodies. */
export function parseMachineList(body: unknown): Result<MachineId[]> {
  if (!Array.isArray(body)) return { ok: false, message: 'Expecting a JSON array' }
  const out: MachineId[] = []
  for (const [i, v] of body.entries()) {
    const r = parseMachineId(v, `[${i}]`)
    if (!r.ok) return r
    out.push(r.value)
  }
  return { ok: true, value: out }
}

function parseTime(v: unknown, path: string): Result<{ nanoseconds: number }> {
  if (!isObject(v) || v.nanoseconds === undefined) return { ok: false, message: `Missing required fields: ${path}.nanoseconds` }
  if (typeof v.nanoseconds !== 'number' || !Number.isInteger(v.nanoseconds)) return { ok: false, message: "Not expecting a JSON value of this type for field 'nanoseconds'" }
  return { ok: true, value: { nanoseconds: v.nanoseconds } }
}

/** protobuf::parse<maintenance::Schedule>; then maintenance::validation::schedule. */
export function parseSchedule(body: unknown): Result<MaintenanceWindow[]> {
  if (!isObject(body)) return { ok: false, message: 'Expecting a JSON object' }
  const windows = body.windows ?? []
  if (!Array.isArray(windows)) return { ok: false, message: "Not expecting a JSON object for field 'windows'" }
  const out: MaintenanceWindow[] = []
  for (const [i, w] of windows.entries()) {
    if (!isObject(w)) return { ok: false, message: `Expecting a JSON object for 'windows[${i}]'` }
    if (w.unavailability === undefined) return { ok: false, message: `Missing required fields: windows[${i}].unavailability` }
    const u = w.unavailability
    if (!isObject(u)) return { ok: false, message: `Missing required fields: windows[${i}].unavailability.start` }
    const start = parseTime(u.start, `windows[${i}].unavailability.start`)
    if (!start.ok) return start
    let duration: { nanoseconds: number } | undefined
    if (u.duration !== undefined) {
      const d = parseTime(u.duration, `windows[${i}].unavailability.duration`)
      if (!d.ok) return d
      duration = d.value
    }
    const ids = w.machine_ids ?? []
    if (!Array.isArray(ids)) return { ok: false, message: "Not expecting a JSON object for field 'machine_ids'" }
    const machineIds: MachineId[] = []
    for (const [j, m] of ids.entries()) {
      const r = parseMachineId(m, `windows[${i}].machine_ids[${j}]`)
      if (!r.ok) return r
      machineIds.push(r.value)
    }
    out.push({ machine_ids: machineIds, unavailability: { start: start.value, ...(duration ? { duration } : {}) } })
  }
  return { ok: true, value: out }
}

/** Validates and applies a new schedule (POST /master/maintenance/schedule, UPDATE_MAINTENANCE_SCHEDULE). */
export function updateSchedule(master: MesosMaster, windows: MaintenanceWindow[]): Result<void> {
  const machines = machinesOf(master)
  const updated = new Map<string, MachineId>()
  for (const w of windows) {
    if (w.machine_ids.length === 0) return { ok: false, message: 'List of machines in the maintenance window is empty' }
    if (w.unavailability.duration && w.unavailability.duration.nanoseconds < 0) return { ok: false, message: "Unavailability 'duration' is negative" }
    for (const id of w.machine_ids) {
      const invalid = validateMachine(id)
      if (invalid) return { ok: false, message: invalid }
      if (updated.has(keyOf(id))) return { ok: false, message: `Machine '${show(id)}' appears more than once in the schedule` }
      updated.set(keyOf(id), id)
    }
  }
  for (const [key, m] of machines) {
    if (m.mode === 'DOWN' && !updated.has(key)) return { ok: false, message: `Machine '${show(m.id)}' is deactivated and cannot be removed from the schedule` }
  }
  for (const key of [...machines.keys()]) if (!updated.has(key)) machines.delete(key)
  for (const [key, id] of updated) if (!machines.has(key)) machines.set(key, { id, mode: 'DRAINING' })
  master.maintenance.windows = windows.filter((w) => w.machine_ids.length > 0)
  return { ok: true, value: undefined }
}

function validateList(ids: MachineId[]): string | undefined {
  if (ids.length === 0) return 'List of machines is empty'
  const seen = new Set<string>()
  for (const id of ids) {
    const invalid = validateMachine(id)
    if (invalid) return invalid
    if (seen.has(keyOf(id))) return `Machine '${show(id)}' appears more than once in the list`
    seen.add(keyOf(id))
  }
  return undefined
}

export function agentsOnMachine(master: MesosMaster, id: MachineId): SimAgent[] {
  const host = (id.hostname ?? '').toLowerCase()
  const ip = id.ip ?? ''
  return [...master.agents.values()].filter((a) => a.hostname.toLowerCase() === host && a.ip === ip)
}

/** Every machine must be scheduled and in `mode` (Mesos's checks for machine down/up), else the message. */
function checkModes(machines: Map<string, Machine>, ids: MachineId[], mode: 'DRAINING' | 'DOWN', verb: 'down' | 'up'): string | undefined {
  for (const id of ids) {
    const m = machines.get(keyOf(id))
    if (!m) return `Machine '${show(id)}' is not part of a maintenance schedule`
    if (m.mode !== mode) return `Machine '${show(id)}' is not in ${mode} mode and cannot be brought ${verb}`
  }
  return undefined
}

/** POST /master/machine/down, START_MAINTENANCE: DRAINING machines go DOWN, their agents are removed. */
export function startMaintenance(master: MesosMaster, ids: MachineId[]): Result<void> {
  const invalid = validateList(ids) ?? checkModes(machinesOf(master), ids, 'DRAINING', 'down')
  if (invalid) return { ok: false, message: invalid }
  const machines = machinesOf(master)
  for (const id of ids) {
    // Mesos sends the agent a ShutdownMessage and removes it ("Operator initiated 'Machine DOWN'").
    for (const agent of agentsOnMachine(master, id)) master.removeAgent(agent.id, 'REASON_AGENT_REMOVED_BY_OPERATOR')
    machines.get(keyOf(id))!.mode = 'DOWN'
    if (id.hostname !== undefined) master.maintenance.down.add(id.hostname)
  }
  return { ok: true, value: undefined }
}

/** POST /master/machine/up, STOP_MAINTENANCE: DOWN machines go UP and leave the schedule. */
export function stopMaintenance(master: MesosMaster, ids: MachineId[]): Result<void> {
  const invalid = validateList(ids) ?? checkModes(machinesOf(master), ids, 'DOWN', 'up')
  if (invalid) return { ok: false, message: invalid }
  const machines = machinesOf(master)
  const keys = new Set(ids.map(keyOf))
  for (const id of ids) {
    machines.delete(keyOf(id))
    if (id.hostname !== undefined) master.maintenance.down.delete(id.hostname)
  }
  master.maintenance.windows = master.maintenance.windows
    .map((w) => ({ ...w, machine_ids: w.machine_ids.filter((m) => !keys.has(keyOf(m))) }))
    .filter((w) => w.machine_ids.length > 0)
  return { ok: true, value: undefined }
}

/** maintenance::Schedule JSON: `{}` when empty (repeated fields are omitted). */
export function scheduleJson(master: MesosMaster) {
  return master.maintenance.windows.length > 0 ? { windows: master.maintenance.windows } : {}
}

/** maintenance::ClusterStatus JSON. */
export function clusterStatusJson(master: MesosMaster) {
  const draining: unknown[] = []
  const down: MachineId[] = []
  for (const m of machinesOf(master).values()) {
    if (m.mode === 'DOWN') {
      down.push(m.id)
      continue
    }
    // Every framework with tasks on the machine got an inverse offer it has not answered.
    const frameworks = new Set<string>()
    for (const agent of agentsOnMachine(master, m.id)) for (const tid of agent.taskIds) { const t = master.tasks.get(tid); if (t) frameworks.add(t.frameworkId) }
    const now = { nanoseconds: master.clock.now() * 1e6 }
    draining.push({ id: m.id, ...(frameworks.size > 0 ? { statuses: [...frameworks].map((f) => ({ status: 'UNKNOWN', framework_id: { value: f }, timestamp: now })) } : {}) })
  }
  return { ...(draining.length > 0 ? { draining_machines: draining } : {}), ...(down.length > 0 ? { down_machines: down } : {}) }
}
