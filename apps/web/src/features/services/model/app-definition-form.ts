/**
 * The create/edit form works on the Marathon app definition object itself, so switching between
 * the form and the JSON editor never loses fields the form does not show.
 */
export type AppDefinition = Record<string, unknown>

export const NEW_APP: AppDefinition = { id: '/my-app', instances: 1, cpus: 0.1, mem: 128, disk: 0, cmd: 'sleep 3600' }

export interface CommonFields {
  id: string
  instances: string
  cpus: string
  mem: string
  disk: string
  cmd: string
  image: string
}

export function readCommon(d: AppDefinition): CommonFields {
  const docker = ((d.container as { docker?: { image?: unknown } } | undefined)?.docker ?? {}) as { image?: unknown }
  const s = (v: unknown) => (v === undefined || v === null ? '' : String(v))
  return { id: s(d.id), instances: s(d.instances), cpus: s(d.cpus), mem: s(d.mem), disk: s(d.disk), cmd: s(d.cmd), image: s(docker.image) }
}

/** Writes one common field back into the definition, keeping everything else. */
export function writeCommon(d: AppDefinition, field: keyof CommonFields, value: string): AppDefinition {
  const next: AppDefinition = { ...d }
  if (field === 'image') {
    const container = { ...((d.container as Record<string, unknown> | undefined) ?? { type: 'DOCKER' }) }
    if (value) container.docker = { ...((container.docker as Record<string, unknown> | undefined) ?? {}), image: value }
    else delete container.docker
    next.container = container
    return next
  }
  if (field === 'id' || field === 'cmd') {
    if (value === '') delete next[field]
    else next[field] = value
    return next
  }
  const n = Number(value)
  next[field] = value !== '' && Number.isFinite(n) ? n : value
  return next
}

/** Client-side checks matching Marathon's own rules, so most mistakes show before a round trip. */
export function validateCommon(d: AppDefinition): Record<string, string> {
  const e: Record<string, string> = {}
  if (typeof d.id !== 'string' || !/^(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)+$/.test(d.id)) e['/id'] = 'Use an absolute id like /group/app (lowercase letters, digits, - and .)'
  for (const k of ['instances', 'cpus', 'mem', 'disk'] as const) {
    if (d[k] !== undefined && (typeof d[k] !== 'number' || (d[k] as number) < 0)) e[`/${k}`] = 'Must be a number ≥ 0'
  }
  if (typeof d.instances === 'number' && !Number.isInteger(d.instances)) e['/instances'] = 'Must be a whole number'
  if (!d.cmd && !(d.container as { docker?: unknown } | undefined)?.docker && !d.args) e['/cmd'] = 'Give a command or a container image'
  return e
}

export function parseDefinitionJson(text: string): { ok: true; value: AppDefinition } | { ok: false; error: string } {
  try {
    const v = JSON.parse(text) as unknown
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, error: 'The definition must be a JSON object' }
    return { ok: true, value: v as AppDefinition }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : 'Invalid JSON' }
  }
}
