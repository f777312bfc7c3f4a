/**
 * Request-body parsing in Metronome's three stages: JSON schema, then the Play JSON Reads that
 * fill defaults (and reject bad cron/timezone/policy strings), then the accord validators.
 * Every stage failure is a 422 `InvalidObject`; nothing is stored on failure.
 */
import { isValidCron, isValidTimeZone } from './cron.ts'
import { jobSpecSchema, scheduleSpecSchema, scheduledJobSpecSchema } from './schema.ts'
import { compileSchema, invalid, schemaFailure, type InvalidObject } from './schema-errors.ts'
import type { ConstraintOperator, EnvValue, JobRunSpec, JobSpec, ScheduleSpec, VolumeSpec } from './types.ts'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: InvalidObject }

const validateJob = compileSchema(jobSpecSchema)
const validateScheduledJob = compileSchema(scheduledJobSpecSchema)
const validateSchedule = compileSchema(scheduleSpecSchema)

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const bool = (v: unknown, dflt: boolean): boolean => (typeof v === 'boolean' ? v : dflt)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)

/** JobRunSpecMessages in dcos/metronome (accord RuleViolations on the run spec). */
export const RUN_MESSAGES = {
  cmdOrDocker: 'Cmd, docker or ucr image must be specified',
  onlyDockerOrUcr: 'Either Docker or UCR should be provided, but not both',
  secrets: (defined: string[], provided: string[]) =>
    `Secret names are different from provided secrets. Defined: ${defined.join(', ')}, Provided: ${provided.join(', ')}`,
}

function normalizeRun(r: Json): JobRunSpec {
  const env: Record<string, EnvValue> = {}
  for (const [k, v] of Object.entries(obj(r.env))) env[k] = typeof v === 'string' ? v : { secret: String(obj(v).secret ?? '') }
  const secrets: Record<string, { source: string }> = {}
  for (const [k, v] of Object.entries(obj(r.secrets))) secrets[k] = { source: String(obj(v).source ?? '') }
  const restart = obj(r.restart)
  const docker = r.docker === undefined ? undefined : obj(r.docker)
  const ucr = r.ucr === undefined ? undefined : obj(r.ucr)
  const cmd = str(r.cmd)
  const user = str(r.user)
  const grace = num(r.taskKillGracePeriodSeconds)
  const deadline = num(restart.activeDeadlineSeconds)
  return {
    cpus: num(r.cpus) ?? 1,
    mem: num(r.mem) ?? 128,
    disk: num(r.disk) ?? 0,
    gpus: num(r.gpus) ?? 0,
    ...(cmd !== undefined ? { cmd } : {}),
    ...(Array.isArray(r.args) ? { args: r.args.map(String) } : {}),
    ...(user !== undefined ? { user } : {}),
    env,
    placement: {
      constraints: arr(obj(r.placement).constraints).map((c) => {
        const o = obj(c)
        // Metronome's Operator reader accepts EQ as the old name of IS and writes IS back.
        const op = (o.operator === 'EQ' ? 'IS' : o.operator) as ConstraintOperator
        const value = str(o.value)
        return { attribute: String(o.attribute), operator: op, ...(value !== undefined ? { value } : {}) }
      }),
    },
    artifacts: arr(r.artifacts).map((a) => {
      const o = obj(a)
      return { uri: String(o.uri), extract: bool(o.extract, true), executable: bool(o.executable, false), cache: bool(o.cache, false) }
    }),
    maxLaunchDelay: num(r.maxLaunchDelay) ?? 3600,
    ...(docker
      ? {
          docker: {
            image: String(docker.image),
            forcePullImage: bool(docker.forcePullImage, false),
            privileged: bool(docker.privileged, false),
            parameters: arr(docker.parameters).map((p) => ({ key: String(obj(p).key), value: String(obj(p).value) })),
          },
        }
      : {}),
    ...(ucr
      ? {
          ucr: {
            image: { id: String(obj(ucr.image).id), kind: obj(ucr.image).kind === 'appc' ? 'appc' : 'docker', forcePull: bool(obj(ucr.image).forcePull, false) },
            privileged: bool(ucr.privileged, false),
          },
        }
      : {}),
    volumes: arr(r.volumes).map((v): VolumeSpec => {
      const o = obj(v)
      if (typeof o.secret === 'string') return { containerPath: String(o.containerPath), secret: o.secret }
      return { containerPath: String(o.containerPath), hostPath: String(o.hostPath ?? ''), mode: o.mode === 'RO' ? 'RO' : 'RW' }
    }),
    restart: { policy: restart.policy === 'ON_FAILURE' ? 'ON_FAILURE' : 'NEVER', ...(deadline !== undefined ? { activeDeadlineSeconds: deadline } : {}) },
    ...(grace !== undefined ? { taskKillGracePeriodSeconds: grace } : {}),
    secrets,
    networks: arr(r.networks).map((n) => {
      const o = obj(n)
      const name = str(o.name)
      return {
        mode: o.mode as 'host' | 'container' | 'container/bridge',
        ...(name !== undefined ? { name } : {}),
        ...(o.labels !== undefined ? { labels: obj(o.labels) as Record<string, string> } : {}),
      }
    }),
  }
}

/** The accord validator on JobRunSpec: first violation wins, reported on `/run`. */
function validateRun(run: JobRunSpec): InvalidObject | undefined {
  const hasCommand = run.cmd !== undefined || (run.args?.length ?? 0) > 0 || (run.docker?.image ?? '') !== '' || run.ucr !== undefined
  if (!hasCommand) return invalid('/run', RUN_MESSAGES.cmdOrDocker)
  const defined = [...new Set(Object.values(run.env).flatMap((v) => (typeof v === 'string' ? [] : [v.secret])))].sort()
  const provided = Object.keys(run.secrets).sort()
  for (const v of run.volumes) if ('secret' in v && !defined.includes(v.secret)) defined.push(v.secret)
  defined.sort()
  if (defined.join('\u0000') !== provided.join('\u0000')) return invalid('/run', RUN_MESSAGES.secrets(defined, provided))
  if (run.docker && run.ucr) return invalid('/run', RUN_MESSAGES.onlyDockerOrUcr)
  return undefined
}

function toJobSpec(body: Json): Parsed<JobSpec> {
  const run = normalizeRun(obj(body.run))
  const bad = validateRun(run)
  if (bad) return { ok: false, error: bad }
  const description = str(body.description)
  return {
    ok: true,
    value: {
      id: String(body.id),
      ...(description !== undefined ? { description } : {}),
      labels: { ...(obj(body.labels) as Record<string, string>) },
      dependencies: arr(body.dependencies).map((d) => ({ id: String(obj(d).id) })),
      run,
    },
  }
}

/** POST/PUT /v1/jobs body. `schedules` in it are accepted by the schema but ignored. */
export function parseJobSpec(body: unknown): Parsed<JobSpec> {
  if (!validateJob(body)) return { ok: false, error: schemaFailure(validateJob.errors ?? []) }
  return toJobSpec(obj(body))
}

function toSchedule(o: Json, prefix: string): Parsed<ScheduleSpec> {
  const cron = String(o.cron)
  // Play Reads errors: JsError(path, "Can not read cron expression <JsValue>") etc.
  if (!isValidCron(cron)) return { ok: false, error: invalid(`${prefix}/cron`, `Can not read cron expression ${JSON.stringify(cron)}`) }
  const tz = o.timezone === undefined ? 'UTC' : o.timezone
  if (typeof tz !== 'string' || !isValidTimeZone(tz)) {
    return { ok: false, error: invalid(`${prefix}/timezone`, `No time zone found with this id: ${JSON.stringify(tz)}`) }
  }
  if (o.concurrencyPolicy === 'REPLACE') {
    return {
      ok: false,
      error: invalid(`${prefix}/concurrencyPolicy`, `'"REPLACE"' is not a valid concurrency policy. Allowed values: Map(ALLOW -> Allow, FORBID -> Forbid)`),
    }
  }
  return {
    ok: true,
    value: {
      id: String(o.id),
      cron: cron.trim().split(/\s+/).join(' '),
      timezone: tz,
      startingDeadlineSeconds: num(o.startingDeadlineSeconds) ?? 900,
      concurrencyPolicy: o.concurrencyPolicy === 'FORBID' ? 'FORBID' : 'ALLOW',
      enabled: bool(o.enabled, true),
    },
  }
}

/** POST/PUT /v1/jobs/{id}/schedules body. */
export function parseSchedule(body: unknown): Parsed<ScheduleSpec> {
  if (!validateSchedule(body)) return { ok: false, error: schemaFailure(validateSchedule.errors ?? []) }
  return toSchedule(obj(body), '')
}

/** v0 /scheduled-jobs body: a JobSpec whose schedules are honoured (at most one). */
export function parseScheduledJobSpec(body: unknown): Parsed<{ spec: JobSpec; schedules: ScheduleSpec[] }> {
  if (!validateScheduledJob(body)) return { ok: false, error: schemaFailure(validateScheduledJob.errors ?? []) }
  const o = obj(body)
  const schedules: ScheduleSpec[] = []
  const raw = arr(o.schedules)
  for (let i = 0; i < raw.length; i++) {
    const s = toSchedule(obj(raw[i]), `/schedules(${i})`)
    if (!s.ok) return s
    schedules.push(s.value)
  }
  // JobSpec validator: `jobSpec.schedules has size <= 1` (accord message wording).
  if (schedules.length > 1) return { ok: false, error: invalid('/schedules', `has size ${schedules.length}, expected 1 or less`) }
  const spec = toJobSpec(o)
  if (!spec.ok) return spec
  return { ok: true, value: { spec: spec.value, schedules } }
}
