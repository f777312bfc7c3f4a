/**
 * The type layer of Marathon's JSON reads: a value of the wrong JSON type is a Play JSON
 * `JsResultException`, which Marathon answers with 400 `{"message": "Invalid JSON",
 * "details": [{"path": "/cpus", "errors": ["error.expected.jsnumber"]}]}`.
 */
import type { ViolationDetail } from './errors.ts'

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'strings' | 'objects' | 'stringMap'

const EXPECTED: Record<Kind, string> = {
  string: 'error.expected.jsstring',
  number: 'error.expected.jsnumber',
  boolean: 'error.expected.jsboolean',
  array: 'error.expected.jsarray',
  object: 'error.expected.jsobject',
  strings: 'error.expected.jsarray',
  objects: 'error.expected.jsarray',
  stringMap: 'error.expected.jsobject',
}

/** Top-level App fields and their JSON kinds (RAML `App`). */
const APP_FIELDS: Record<string, Kind> = {
  id: 'string',
  cmd: 'string',
  args: 'strings',
  user: 'string',
  instances: 'number',
  cpus: 'number',
  mem: 'number',
  disk: 'number',
  gpus: 'number',
  executor: 'string',
  constraints: 'array',
  acceptedResourceRoles: 'strings',
  role: 'string',
  env: 'object',
  secrets: 'object',
  labels: 'stringMap',
  container: 'object',
  networks: 'objects',
  portDefinitions: 'objects',
  ports: 'array',
  requirePorts: 'boolean',
  healthChecks: 'objects',
  readinessChecks: 'objects',
  dependencies: 'strings',
  upgradeStrategy: 'object',
  killSelection: 'string',
  backoffSeconds: 'number',
  backoffFactor: 'number',
  maxLaunchDelaySeconds: 'number',
  taskKillGracePeriodSeconds: 'number',
  fetch: 'objects',
  uris: 'strings',
  residency: 'object',
  tty: 'boolean',
  version: 'string',
}

const NESTED: Record<string, Record<string, Kind>> = {
  container: { type: 'string', docker: 'object', volumes: 'objects', portMappings: 'objects' },
  'container/docker': { image: 'string', forcePullImage: 'boolean', privileged: 'boolean', parameters: 'objects' },
  upgradeStrategy: { minimumHealthCapacity: 'number', maximumOverCapacity: 'number' },
  portDefinitions: { port: 'number', name: 'string', protocol: 'string', labels: 'stringMap' },
  'container/portMappings': { containerPort: 'number', hostPort: 'number', servicePort: 'number', protocol: 'string', name: 'string' },
  healthChecks: {
    protocol: 'string',
    path: 'string',
    portIndex: 'number',
    port: 'number',
    gracePeriodSeconds: 'number',
    intervalSeconds: 'number',
    timeoutSeconds: 'number',
    maxConsecutiveFailures: 'number',
    delaySeconds: 'number',
  },
  readinessChecks: { name: 'string', protocol: 'string', path: 'string', portName: 'string', intervalSeconds: 'number', timeoutSeconds: 'number' },
  fetch: { uri: 'string', extract: 'boolean', executable: 'boolean', cache: 'boolean', destPath: 'string' },
  networks: { mode: 'string', name: 'string' },
}

function matches(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof v === 'string'
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'array':
      return Array.isArray(v)
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
    case 'objects':
      return Array.isArray(v) && v.every((x) => isObject(x))
    case 'object':
      return isObject(v)
    case 'stringMap':
      return isObject(v) && Object.values(v).every((x) => typeof x === 'string')
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function checkFields(obj: Record<string, unknown>, fields: Record<string, Kind>, prefix: string, out: ViolationDetail[]): void {
  for (const [name, kind] of Object.entries(fields)) {
    const v = obj[name]
    if (v === undefined || v === null) continue
    if (!matches(kind, v)) out.push({ path: `${prefix}/${name}`, errors: [EXPECTED[kind]] })
  }
}

/** Type-checks an App (or AppUpdate) JSON object; returns Play-style details, empty if fine. */
export function typeErrorsOfApp(raw: unknown, prefix = ''): ViolationDetail[] {
  const out: ViolationDetail[] = []
  if (!isObject(raw)) return [{ path: prefix || '/', errors: ['error.expected.jsobject'] }]
  checkFields(raw, APP_FIELDS, prefix, out)
  if (out.length > 0) return out
  const container = raw.container
  if (isObject(container)) {
    checkFields(container, NESTED.container!, `${prefix}/container`, out)
    if (isObject(container.docker)) checkFields(container.docker, NESTED['container/docker']!, `${prefix}/container/docker`, out)
    if (Array.isArray(container.portMappings))
      container.portMappings.forEach((m, i) => checkFields(m as Record<string, unknown>, NESTED['container/portMappings']!, `${prefix}/container/portMappings(${i})`, out))
  }
  if (isObject(raw.upgradeStrategy)) checkFields(raw.upgradeStrategy, NESTED.upgradeStrategy!, `${prefix}/upgradeStrategy`, out)
  for (const list of ['portDefinitions', 'healthChecks', 'readinessChecks', 'fetch', 'networks'] as const) {
    const arr = raw[list]
    if (Array.isArray(arr)) arr.forEach((x, i) => checkFields(x as Record<string, unknown>, NESTED[list]!, `${prefix}/${list}(${i})`, out))
  }
  if (Array.isArray(raw.constraints)) {
    raw.constraints.forEach((c, i) => {
      if (!Array.isArray(c) || !c.every((x) => typeof x === 'string'))
        out.push({ path: `${prefix}/constraints(${i})`, errors: ['Constraint definition must be an array of strings in format: <key>, <operator>[, value]'] })
    })
  }
  return out
}
