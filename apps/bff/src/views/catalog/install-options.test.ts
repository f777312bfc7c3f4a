import { describe, expect, it } from 'vitest'
import { deepMerge, extractDefaults, validateInstallOptions } from './install-options.ts'

/** A config schema in the shape Universe packages use (draft-04, property-level ids like cassandra's). */
const config = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  type: 'object',
  properties: {
    service: {
      id: 'http://example.com/service',
      type: 'object',
      properties: {
        name: { type: 'string', default: 'kafka', pattern: '^[a-z0-9-]+$' },
        id: { type: 'string', id: 'http://example.com/service/id', default: 'x' },
        log_level: { type: 'string', enum: ['INFO', 'DEBUG'], default: 'INFO' },
      },
      required: ['name'],
    },
    brokers: { type: 'object', properties: { count: { type: 'integer', minimum: 1, default: 3 }, disk: { type: 'number' } }, additionalProperties: false },
    contact: { type: 'string', format: 'email' },
  },
  additionalProperties: false,
}

describe('install options', () => {
  it('extracts defaults like Cosmos and deep-merges user options over them', () => {
    expect(extractDefaults(config)).toEqual({ service: { name: 'kafka', id: 'x', log_level: 'INFO' }, brokers: { count: 3 } })
    expect(deepMerge({ a: { b: 1, c: [1] } }, { a: { c: [2] }, d: null })).toEqual({ a: { b: 1, c: [2] }, d: null })
  })

  it('accepts valid options and defaults alone', () => {
    expect(validateInstallOptions(config, undefined)).toEqual([])
    expect(validateInstallOptions(config, { brokers: { count: 5 }, contact: 'ops@example.com' })).toEqual([])
  })

  it('reports each bad field by JSON pointer (type, pattern, enum, unknown property, format)', () => {
    const errs = validateInstallOptions(config, { service: { name: 'Bad Name', log_level: 'LOUD' }, brokers: { count: 0, extra: 1 }, contact: 'nope', bogus: true })
    const paths = errs.map((e) => e.path).sort()
    expect(paths).toEqual(['/bogus', '/brokers/count', '/brokers/extra', '/contact', '/service/log_level', '/service/name'])
    expect(errs.find((e) => e.path === '/bogus')!.errors).toEqual(['is not a known option'])
    expect(errs.find((e) => e.path === '/brokers/count')!.errors[0]).toMatch(/>= 1/)
  })

  it('refuses options for a package without a config schema (Cosmos OptionsNotAllowed)', () => {
    expect(validateInstallOptions(null, { a: 1 })).toEqual([{ path: '/', errors: ['this package takes no options'] }])
    expect(validateInstallOptions(null, {})).toEqual([])
  })
})
