/**
 * Marathon's semantic app validation (AppValidation / SchedulingValidation, Accord rules),
 * reported as 422 `Object is not valid` details. Messages are Marathon's own where known.
 */
import type { MarathonApp } from './app-types.ts'
import { usesHostNetwork } from './app-types.ts'
import type { ViolationDetail } from './errors.ts'
import { invalidSegments } from './path-id.ts'

const ID_REGEX_MESSAGE =
  "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'"
const OPERATORS = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS']

/** Accord's rule messages for Marathon's Constraint validator, per constraint. */
export function constraintErrors(c: string[]): string[] {
  if (c.length < 2 || c.length > 3) return ['Each constraint must have either 2 or 3 fields']
  const [field, op, value] = c
  if (!field) return ['Missing field and operator']
  if (!OPERATORS.includes(op ?? '')) return ['Constraint operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS']
  const isInt = (v: string): boolean => /^-?\d+$/.test(v)
  switch (op) {
    case 'UNIQUE':
      return value !== undefined ? ['Value specified but not used'] : []
    case 'CLUSTER':
    case 'IS':
      return value === undefined || value === '' ? ['Missing value'] : []
    case 'GROUP_BY':
      return value !== undefined && !isInt(value) ? ['Value was specified but is not a number'] : []
    case 'MAX_PER':
      return value === undefined || !isInt(value) ? ['Value was not specified or is not a number'] : []
    default:
      if (value === undefined) return ['A regular expression value must be provided']
      try {
        new RegExp(value)
        return []
      } catch {
        return [`'${value}' is not a valid regular expression`]
      }
  }
}

export function validateApp(app: MarathonApp): ViolationDetail[] {
  const out: ViolationDetail[] = []
  const add = (path: string, error: string): void => {
    const existing = out.find((d) => d.path === path)
    if (existing) existing.errors.push(error)
    else out.push({ path, errors: [error] })
  }
  if (app.id === '/') add('/', 'must not be root')
  else if (invalidSegments(app.id).length > 0) add('/id', ID_REGEX_MESSAGE)

  const min = (path: string, v: number | undefined, bound: number): void => {
    if (v !== undefined && v < bound) add(path, `is less than ${bound}`)
  }
  const max = (path: string, v: number | undefined, bound: number): void => {
    if (v !== undefined && v > bound) add(path, `is greater than ${bound}`)
  }
  min('/instances', app.instances, 0)
  if (!Number.isInteger(app.instances)) add('/instances', 'must be an integer')
  min('/cpus', app.cpus, 0.001)
  min('/mem', app.mem, 0)
  min('/disk', app.disk, 0)
  min('/gpus', app.gpus, 0)
  min('/backoffSeconds', app.backoffSeconds, 0)
  min('/backoffFactor', app.backoffFactor, 1)
  min('/maxLaunchDelaySeconds', app.maxLaunchDelaySeconds, 0)
  min('/upgradeStrategy/minimumHealthCapacity', app.upgradeStrategy.minimumHealthCapacity, 0)
  max('/upgradeStrategy/minimumHealthCapacity', app.upgradeStrategy.minimumHealthCapacity, 1)
  min('/upgradeStrategy/maximumOverCapacity', app.upgradeStrategy.maximumOverCapacity, 0)
  max('/upgradeStrategy/maximumOverCapacity', app.upgradeStrategy.maximumOverCapacity, 1)

  const cmd = app.cmd !== undefined
  const args = app.args !== undefined
  const image = app.container !== undefined && (app.container.docker !== undefined || app.container.type === 'MESOS')
  if (!((cmd !== args) || (!(cmd && args) && image))) add('/', "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.")
  if (app.cmd !== undefined && app.cmd.length <= 1) add('/', 'must not be an empty string')

  if (app.container?.type === 'DOCKER' && (app.container.docker?.image ?? '') === '') add('/container/docker/image', 'must not be empty')
  if (app.gpus > 0 && app.container?.type === 'DOCKER') add('/', 'GPU resources only work with the Mesos containerizer')
  const hostNet = usesHostNetwork(app)
  if (hostNet && (app.container?.portMappings?.length ?? 0) > 0) add('/', 'portMappings are not allowed with host-networking')
  const names = (hostNet ? app.portDefinitions : (app.container?.portMappings ?? [])).flatMap((p) => (p.name ? [p.name] : []))
  if (new Set(names).size !== names.length) add(hostNet ? '/portDefinitions' : '/container/portMappings', 'Port names must be unique.')
  const fixed = app.portDefinitions.map((p) => p.port).filter((p) => p !== 0)
  if (new Set(fixed).size !== fixed.length) add('/portDefinitions', 'Ports must be unique.')

  app.constraints.forEach((c, i) => constraintErrors(c).forEach((e) => add(`/constraints(${i})`, e)))

  const portCount = hostNet ? app.portDefinitions.length : (app.container?.portMappings?.length ?? 0)
  app.healthChecks.forEach((h, i) => {
    if (['HTTP', 'HTTPS', 'TCP'].includes(h.protocol) && h.command === undefined) {
      const ok = h.portIndex !== undefined ? h.portIndex >= 0 && h.portIndex < portCount : h.port !== undefined
      if (!ok) add(`/healthChecks(${i})`, 'Health check port indices must address an element of the ports array or container port mappings.')
    }
  })
  const mesosChecks = app.healthChecks.filter((h) => h.protocol.startsWith('MESOS_')).length
  if (mesosChecks > 1) add('/', 'AppDefinition can contain at most one Mesos health check')
  if (app.readinessChecks.length > 1) add('/readinessChecks', 'got 2, expected 1 or less')
  const portNameSet = new Set(names)
  app.readinessChecks.forEach((r, i) => {
    if (!portNameSet.has(r.portName)) add(`/readinessChecks(${i})/portName`, `No port definition reference for portName ${r.portName}`)
    if (r.timeoutSeconds >= r.intervalSeconds) add(`/readinessChecks(${i})/timeoutSeconds`, `got ${r.timeoutSeconds}, expected less than ${r.intervalSeconds}`)
  })

  for (const [name, value] of Object.entries(app.env)) {
    if (typeof value === 'object' && !(value.secret in app.secrets)) add(`/env(${name})`, `references an undefined secret named '${value.secret}'`)
  }
  if (app.acceptedResourceRoles !== undefined) {
    if (app.acceptedResourceRoles.length === 0) add('/acceptedResourceRoles', 'must not be empty')
    if (new Set(app.acceptedResourceRoles).size !== app.acceptedResourceRoles.length) add('/acceptedResourceRoles', 'elements must be unique')
  }

  const resident = (app.container?.volumes ?? []).some((v) => v.persistent !== undefined)
  if (resident !== (app.residency !== undefined)) add('/', 'App must contain persistent volumes and define residency')
  if (resident && app.upgradeStrategy.maximumOverCapacity !== 0) add('/upgradeStrategy/maximumOverCapacity', `got ${app.upgradeStrategy.maximumOverCapacity}, expected 0.0`)
  ;(app.container?.volumes ?? []).forEach((v, i) => {
    if (v.persistent) {
      if (v.containerPath === '' || v.containerPath.includes('/')) add(`/container/volumes(${i})/containerPath`, 'value must not contain "/"')
      if (v.persistent.size <= 0) add(`/container/volumes(${i})/persistent/size`, 'got 0, expected more than 0')
    } else if (v.hostPath !== undefined && v.containerPath === '') add(`/container/volumes(${i})/containerPath`, 'must not be empty')
  })
  if (app.labels.MARATHON_SINGLE_INSTANCE_APP === 'true' && app.instances > 1) add('/', 'Single instance app may only have one instance')
  return out
}
