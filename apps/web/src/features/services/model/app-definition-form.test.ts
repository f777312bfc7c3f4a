import { describe, expect, it } from 'vitest'
import { parseDefinitionJson, readCommon, validateCommon, writeCommon } from './app-definition-form.ts'

describe('app definition form model', () => {
  it('writes form fields without dropping fields the form does not show', () => {
    const d = { id: '/a', cmd: 'x', labels: { team: 'web' }, healthChecks: [{ protocol: 'HTTP' }] }
    const next = writeCommon(writeCommon(d, 'instances', '3'), 'image', 'nginx:1.27')
    expect(next).toMatchObject({ id: '/a', instances: 3, labels: { team: 'web' }, healthChecks: [{ protocol: 'HTTP' }] })
    expect(readCommon(next).image).toBe('nginx:1.27')
  })
  it('validates like Marathon does', () => {
    expect(validateCommon({ id: 'NoSlash', cmd: 'x' })).toHaveProperty('/id')
    expect(validateCommon({ id: '/ok', instances: 1.5, cmd: 'x' })).toHaveProperty('/instances')
    expect(validateCommon({ id: '/ok' })).toHaveProperty('/cmd')
    expect(validateCommon({ id: '/ok/app', instances: 2, cmd: 'sleep 1' })).toEqual({})
  })
  it('rejects JSON that is not an object', () => {
    expect(parseDefinitionJson('[1]').ok).toBe(false)
    expect(parseDefinitionJson('{bad').ok).toBe(false)
    expect(parseDefinitionJson('{"id":"/x"}')).toEqual({ ok: true, value: { id: '/x' } })
  })
})
