import { describe, expect, it } from 'vitest'
import { fieldLabel, formSections } from './form-sections.ts'

describe('formSections', () => {
  it('lists top-level object sections in order with their error counts', () => {
    const schema = {
      type: 'object',
      properties: {
        service: { type: 'object', properties: { name: { type: 'string' } } },
        debug: { type: 'boolean' },
        nodes: { title: 'Cassandra nodes', properties: { count: { type: 'integer' } } },
        node_tls: { type: 'object', properties: {} },
      },
    }
    expect(formSections(schema, { '/service/name': 'Required', '/nodes/count': 'Must be ≥ 3', '/nodes/heap/size': 'Must be a number', '/node_tlsx': 'x' })).toEqual([
      { key: 'service', label: 'Service', errors: 1 },
      { key: 'nodes', label: 'Cassandra nodes', errors: 2 },
      { key: 'node_tls', label: 'Node tls', errors: 0 },
    ])
  })
  it('labels fields from their title or their name', () => {
    expect(fieldLabel('log_level', {})).toBe('Log level')
    expect(fieldLabel('x', { title: 'Custom' })).toBe('Custom')
  })
})
