/**
 * The JSON schemas Metronome validates request bodies against before its Play JSON Reads run
 * (dcos/metronome api/src/main/resources/public/api/v1/schema/{jobspec,schedulespec}.schema.json,
 * newest versions: gpus, networks, ucr, secret volumes, `dependencies`). Kept field for field so
 * the same bodies pass or fail; `documentation` keywords dropped.
 */

const pathType = {
  type: 'string',
  pattern: '^([a-z0-9]([a-z0-9-]*[a-z0-9]+)*)([.][a-z0-9]([a-z0-9-]*[a-z0-9]+)*)*$',
  minLength: 1,
} as const

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const

const runSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    args: { type: 'array', items: { type: 'string' } },
    artifacts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { uri: { type: 'string' }, executable: { type: 'boolean' }, extract: { type: 'boolean' }, cache: { type: 'boolean' } },
        required: ['uri'],
      },
    },
    cmd: { type: 'string', minLength: 1 },
    cpus: { type: 'number', minimum: 0.01 },
    gpus: { type: 'integer', minimum: 0 },
    disk: { type: 'number', minimum: 0 },
    networks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['mode'],
        properties: { name: { type: 'string' }, mode: { type: 'string', enum: ['host', 'container/bridge', 'container'] }, labels: stringMap },
      },
    },
    ucr: {
      type: 'object',
      additionalProperties: false,
      properties: {
        image: {
          type: 'object',
          additionalProperties: false,
          properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['docker', 'appc'] }, forcePull: { type: 'boolean' } },
          required: ['id'],
        },
        privileged: { type: 'boolean' },
      },
      required: ['image'],
    },
    docker: {
      type: 'object',
      additionalProperties: false,
      properties: {
        image: { type: 'string' },
        forcePullImage: { type: 'boolean' },
        privileged: { type: 'boolean' },
        parameters: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, properties: { key: { type: 'string' }, value: { type: 'string' } }, required: ['key', 'value'] },
        },
      },
      required: ['image'],
    },
    env: {
      type: 'object',
      patternProperties: {
        '.*': { oneOf: [{ type: 'string' }, { type: 'object', properties: { secret: { type: 'string' } } }] },
      },
    },
    maxLaunchDelay: { type: 'integer', minimum: 1 },
    mem: { type: 'number', minimum: 32 },
    placement: {
      type: 'object',
      additionalProperties: false,
      properties: {
        constraints: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { attribute: { type: 'string' }, operator: { type: 'string', enum: ['IS', 'EQ', 'LIKE', 'UNLIKE'] }, value: { type: 'string' } },
            required: ['attribute', 'operator'],
          },
        },
      },
    },
    user: { type: 'string' },
    taskKillGracePeriodSeconds: { type: 'number' },
    restart: {
      type: 'object',
      additionalProperties: false,
      properties: { policy: { type: 'string', enum: ['NEVER', 'ON_FAILURE'] }, activeDeadlineSeconds: { type: 'integer' } },
      required: ['policy'],
    },
    volumes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          containerPath: { type: 'string', minLength: 1 },
          hostPath: { type: 'string', minLength: 1 },
          mode: { type: 'string', enum: ['RO', 'RW'] },
          secret: { type: 'string', minLength: 1 },
        },
        required: ['containerPath'],
      },
    },
    secrets: { type: 'object', patternProperties: { '.*': { type: 'object', properties: { source: { type: 'string' } } } } },
  },
  required: ['cpus', 'mem', 'disk'],
} as const

export const jobSpecSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: pathType,
    description: { type: 'string' },
    labels: stringMap,
    dependencies: { type: 'array', items: { type: 'object', properties: { id: pathType }, required: ['id'] } },
    schedules: { type: 'array' },
    run: runSchema,
  },
  required: ['id', 'run'],
} as const

/** Note the id pattern needs two characters or more: Metronome's own schema quirk. */
export const scheduleSpecSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string', pattern: '^([a-z0-9][a-z0-9\\-]*[a-z0-9]+)$', minLength: 1 },
    cron: { type: 'string' },
    timeZone: { type: 'string' },
    startingDeadlineSeconds: { type: 'integer', minimum: 1 },
    concurrencyPolicy: { type: 'string', enum: ['ALLOW', 'FORBID', 'REPLACE'] },
    enabled: { type: 'boolean' },
  },
  required: ['id', 'cron'],
} as const

/** v0 /scheduled-jobs: the same JobSpec with schedules validated too. */
export const scheduledJobSpecSchema = {
  ...jobSpecSchema,
  properties: { ...jobSpecSchema.properties, schedules: { type: 'array', items: scheduleSpecSchema } },
} as const
