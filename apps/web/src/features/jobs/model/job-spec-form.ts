/**
 * The job editor works on the JobSpec object itself (plus `schedules[0]`), like the service
 * editor, so the form and the JSON view never drop each other's fields.
 */
import type { JobSpecInput } from '@meridian/api'
import { describeCron } from './cron-schedule.ts'

export type JobSpec = Record<string, unknown> & { run?: Record<string, unknown>; schedules?: Array<Record<string, unknown>> }

export const NEW_JOB: JobSpec = { id: 'my-job', description: '', run: { cmd: 'echo hello', cpus: 0.1, mem: 32, disk: 0 } }

export interface JobFields {
  id: string
  description: string
  cmd: string
  cpus: string
  mem: string
  cron: string
}

export function readJob(s: JobSpec): JobFields {
  const run = s.run ?? {}
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))
  return { id: str(s.id), description: str(s.description), cmd: str(run.cmd), cpus: str(run.cpus), mem: str(run.mem), cron: str(s.schedules?.[0]?.cron) }
}

export function writeJob(s: JobSpec, field: keyof JobFields, value: string): JobSpec {
  if (field === 'id' || field === 'description') return { ...s, [field]: value }
  if (field === 'cron') {
    if (!value.trim()) {
      const { schedules: _drop, ...rest } = s
      return rest
    }
    const current = s.schedules?.[0] ?? { id: 'default', enabled: true, concurrencyPolicy: 'ALLOW', timezone: 'UTC' }
    return { ...s, schedules: [{ ...current, cron: value }] }
  }
  const n = Number(value)
  return { ...s, run: { ...(s.run ?? {}), [field]: field === 'cmd' ? value : value !== '' && Number.isFinite(n) ? n : value } }
}

export function validateJob(s: JobSpec): Record<string, string> {
  const e: Record<string, string> = {}
  if (typeof s.id !== 'string' || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(s.id)) e['/id'] = 'Lowercase letters, digits, - and dots, like prod.backup'
  const run = s.run ?? {}
  if (!run.cmd && !(run.docker as { image?: unknown } | undefined)?.image) e['/run/cmd'] = 'Give a command or a container image'
  for (const k of ['cpus', 'mem'] as const) if (run[k] !== undefined && (typeof run[k] !== 'number' || (run[k] as number) <= 0)) e[`/run/${k}`] = 'Must be a number > 0'
  const cron = s.schedules?.[0]?.cron
  if (typeof cron === 'string') {
    const r = describeCron(cron)
    if (!r.ok) e['/schedules/0/cron'] = r.error
  }
  return e
}

export function toJobSpecInput(s: JobSpec): JobSpecInput {
  return s as JobSpecInput
}
