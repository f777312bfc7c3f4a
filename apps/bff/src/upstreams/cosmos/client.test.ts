import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.ts'
import { recordedUpstream } from '../../testing/recorded-upstream.ts'
import { createCosmosClient } from './client.ts'

const ERROR_TYPE = 'application/vnd.dcos.package.error+json;charset=utf-8;version=v1'
const cosmosError = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': ERROR_TYPE } })

describe('Cosmos adapter', () => {
  it('sends the exact versioned request type and asks for the response version it parses', async () => {
    const up = recordedUpstream({
      'POST /package/describe': { package: { name: 'kafka', version: '2.10.0-2.4.0', config: { type: 'object' } } },
      'POST /package/install': { packageName: 'kafka', packageVersion: '2.10.0-2.4.0', appId: '/kafka' },
    })
    const cosmos = createCosmosClient({ baseUrl: 'http://cluster.test', token: 't', fetch: up.fetch })
    expect((await cosmos.describe('kafka')).config).toEqual({ type: 'object' })
    await cosmos.install({ packageName: 'kafka', options: { brokers: { count: 1 } } })
    const [describe, install] = up.calls
    expect(describe!.headers.get('content-type')).toBe('application/vnd.dcos.package.describe-request+json;charset=utf-8;version=v1')
    expect(describe!.headers.get('accept')).toBe('application/vnd.dcos.package.describe-response+json;charset=utf-8;version=v3')
    expect(JSON.parse(describe!.body!)).toEqual({ packageName: 'kafka' })
    expect(install!.headers.get('accept')).toBe('application/vnd.dcos.package.install-response+json;charset=utf-8;version=v2')
    expect(install!.headers.get('authorization')).toBe('token=t')
    expect(JSON.parse(install!.body!)).toEqual({ packageName: 'kafka', options: { brokers: { count: 1 } } })
  })

  it('maps PackageNotFound to NotFound and JsonSchemaMismatch reports to field details', async () => {
    const up = recordedUpstream({
      'POST /package/describe': cosmosError(400, { type: 'PackageNotFound', message: 'Package [nope] not found', data: { packageName: 'nope' } }),
      'POST /package/install': cosmosError(400, {
        type: 'JsonSchemaMismatch',
        message: 'Options JSON failed validation',
        data: {
          errors: [
            { level: 'error', schema: { loadingURI: '#', pointer: '/properties/brokers/properties/count' }, instance: { pointer: '/brokers/count' }, domain: 'validation', keyword: 'type', message: 'instance type (string) does not match any allowed primitive type (allowed: ["integer"])' },
            { level: 'error', schema: { loadingURI: '#', pointer: '/properties/service' }, instance: { pointer: '/service' }, domain: 'validation', keyword: 'required', message: 'object has missing required properties (["name"])', missing: ['name'] },
          ],
        },
      }),
    })
    const cosmos = createCosmosClient({ baseUrl: 'http://cluster.test', fetch: up.fetch })
    const notFound = await cosmos.describe('nope').catch((e: unknown) => e)
    expect(notFound).toBeInstanceOf(AppError)
    expect((notFound as AppError).kind).toBe('NotFound')
    expect((notFound as AppError).upstream).toEqual({ name: 'cosmos', status: 400, message: 'Package [nope] not found', type: 'PackageNotFound' })
    const mismatch = (await cosmos.install({ packageName: 'kafka', options: {} }).catch((e: unknown) => e)) as AppError
    expect(mismatch.kind).toBe('UpstreamRejected')
    expect(mismatch.details).toEqual([
      { path: '/brokers/count', errors: ['instance type (string) does not match any allowed primitive type (allowed: ["integer"])'] },
      { path: '/service/name', errors: ['object has missing required properties (["name"])'] },
    ])
    expect(up.calls.filter((c) => c.url.pathname === '/package/install')).toHaveLength(1) // installs are never retried
  })
})
