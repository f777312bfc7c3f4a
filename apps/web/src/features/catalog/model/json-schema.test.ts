import { describe, expect, it } from 'vitest'
import { defaultsOf, setAt, validateOptions, type JsonSchema } from './json-schema.ts'

// Shaped like a Universe package config.json (e.g. the kafka/cassandra "service" + "node" sections).
const schema: JsonSchema = {
  type: 'object',
  properties: {
    service: {
      type: 'object',
      description: 'DC/OS service configuration',
      properties: {
        name: { type: 'string', default: 'cassandra', pattern: '^[a-z][a-z0-9-]*$' },
        user: { type: 'string', default: 'nobody' },
        log_level: { type: 'string', enum: ['INFO', 'DEBUG', 'WARN'], default: 'INFO' },
      },
      required: ['name'],
    },
    nodes: {
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 3, default: 3 },
        cpus: { type: 'number', minimum: 0.1, default: 0.5 },
        tls: { type: 'boolean', default: false },
      },
    },
  },
}

describe('json schema options model', () => {
  it('collects nested defaults the way Cosmos merges them', () => {
    expect(defaultsOf(schema)).toEqual({
      service: { name: 'cassandra', user: 'nobody', log_level: 'INFO' },
      nodes: { count: 3, cpus: 0.5, tls: false },
    })
  })
  it('accepts the defaults', () => {
    expect(validateOptions(schema, defaultsOf(schema))).toEqual({})
  })
  it('reports per-field errors at JSON-pointer paths', () => {
    let v = defaultsOf(schema)
    v = setAt(v, ['service', 'name'], '')
    v = setAt(v, ['nodes', 'count'], 2.5)
    v = setAt(v, ['service', 'log_level'], 'TRACE')
    expect(validateOptions(schema, v)).toEqual({
      '/service/name': 'Required',
      '/nodes/count': 'Must be a whole number',
      '/service/log_level': 'Must be one of INFO, DEBUG, WARN',
    })
    expect(validateOptions(schema, setAt(defaultsOf(schema), ['nodes', 'count'], 1))).toEqual({ '/nodes/count': 'Must be ≥ 3' })
    expect(validateOptions(schema, setAt(defaultsOf(schema), ['service', 'name'], 'Bad_Name'))).toEqual({ '/service/name': 'Must match ^[a-z][a-z0-9-]*$' })
    // Marathon's path-id pattern, as Universe packages give service.name, is said in words.
    const pathId = { type: 'object', properties: { name: { type: 'string', pattern: '^(\\/?((\\.\\.)|(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9]))?($|\\/))+$' } } } as const
    expect(validateOptions(pathId, { name: 'dev/kafka' })).toEqual({})
    expect(validateOptions(pathId, { name: 'Bad Name!' })).toEqual({ '/name': 'Use lowercase letters, digits and dashes (not at the start or end of a part), with / between folders, e.g. dev/kafka' })
  })
  it('sets values immutably and removes keys with undefined', () => {
    const a = { x: { y: 1, z: 2 } }
    const b = setAt(a, ['x', 'y'], undefined)
    expect(b).toEqual({ x: { z: 2 } })
    expect(a).toEqual({ x: { y: 1, z: 2 } })
  })
})
