/**
 * The Cosmos RPC surface (`/package/*`, `/cosmos/service/*`, `/capabilities`) with its media
 * types (upstream-apis.md §4.1).
 */
import { Hono } from 'hono'
import { CAPABILITIES_TYPE, packageType, serviceType } from '../media-types.ts'
import { describeV2, listVersions, renderPackage, resolvePackage, searchPackages } from '../package-catalog.ts'
import type { PackageInstaller } from '../package-installer.ts'
import { addRepository, deleteRepository } from '../repository-admin.ts'
import type { RepositoryRegistry } from '../universe/repository-registry.ts'
import { cosmosJson, optBool, optObject, optStr, rpc, str } from './rpc.ts'
import { jsonError } from '../errors.ts'
import { resourceProxy } from '../resource-proxy.ts'

const p1 = (kind: string): { requestType: string; responseTypes: string[] } => ({
  requestType: packageType(`${kind}-request`, 'v1'),
  responseTypes: [packageType(`${kind}-response`, 'v1')],
})

export function packageRoutes(registry: RepositoryRegistry, installer: PackageInstaller, imagesDir: string, opts: { allowFileRepositories?: boolean } = {}): Hono {
  const app = new Hono()

  app.get('/package/resource', resourceProxy(registry, imagesDir))

  app.post('/package/search', rpc(p1('search'), (body, _t, c) => searchPackages(registry, optStr(body, 'query'), new URL(c.req.url).origin)))

  app.post(
    '/package/describe',
    rpc({ requestType: packageType('describe-request', 'v1'), responseTypes: [packageType('describe-response', 'v3'), packageType('describe-response', 'v2')] }, (body, type) => {
      const { pkg } = resolvePackage(registry, str(body, 'packageName'), optStr(body, 'packageVersion'))
      return type.endsWith('version=v3') ? { package: pkg } : describeV2(pkg)
    }),
  )

  app.post('/package/list-versions', rpc(p1('list-versions'), (body) => listVersions(registry, str(body, 'packageName'))))

  app.post(
    '/package/render',
    rpc(p1('render'), (body) =>
      renderPackage(registry, {
        packageName: str(body, 'packageName'),
        ...opt('packageVersion', optStr(body, 'packageVersion')),
        ...opt('options', optObject(body, 'options')),
        ...opt('appId', optStr(body, 'appId')),
      }),
    ),
  )

  app.post(
    '/package/install',
    rpc({ requestType: packageType('install-request', 'v1'), responseTypes: [packageType('install-response', 'v2'), packageType('install-response', 'v1')] }, async (body, type) => {
      const r = await installer.install({
        packageName: str(body, 'packageName'),
        ...opt('packageVersion', optStr(body, 'packageVersion')),
        ...opt('options', optObject(body, 'options')),
        ...opt('appId', optStr(body, 'appId')),
      })
      const out = type.endsWith('version=v2') ? r : { packageName: r.packageName, packageVersion: r.packageVersion, appId: r.appId }
      return cosmosJson(out, type)
    }),
  )

  app.post(
    '/package/uninstall',
    rpc(p1('uninstall'), (body) =>
      installer.uninstall({ packageName: str(body, 'packageName'), ...opt('appId', optStr(body, 'appId')), ...opt('all', optBool(body, 'all')) }),
    ),
  )

  app.post('/package/list', rpc(p1('list'), (body) => installer.list({ ...opt('packageName', optStr(body, 'packageName')), ...opt('appId', optStr(body, 'appId')) })))

  app.post('/package/repository/list', rpc(p1('repository.list'), () => ({ repositories: registry.list() })))

  app.post(
    '/package/repository/add',
    rpc(p1('repository.add'), async (body) => {
      const index = body.index
      if (index !== undefined && (typeof index !== 'number' || !Number.isInteger(index))) throw jsonError('decode', 'Int', 'index')
      await addRepository(registry, { name: str(body, 'name'), uri: str(body, 'uri'), ...opt('index', index as number | undefined) }, { allowFileUris: opts.allowFileRepositories === true })
      return { repositories: registry.list() }
    }),
  )

  app.post(
    '/package/repository/delete',
    rpc(p1('repository.delete'), (body) => {
      deleteRepository(registry, { ...opt('name', optStr(body, 'name')), ...opt('uri', optStr(body, 'uri')) })
      return { repositories: registry.list() }
    }),
  )

  app.post(
    '/cosmos/service/describe',
    rpc({ requestType: serviceType('describe-request', 'v1'), responseTypes: [serviceType('describe-response', 'v1')] }, (body) => installer.describeService(str(body, 'appId'))),
  )

  app.post(
    '/cosmos/service/update',
    rpc({ requestType: serviceType('update-request', 'v1'), responseTypes: [serviceType('update-response', 'v1')] }, (body) =>
      installer.updateService({
        appId: str(body, 'appId'),
        replace: optBool(body, 'replace') ?? false,
        ...opt('packageVersion', optStr(body, 'packageVersion')),
        ...opt('options', optObject(body, 'options')),
      }),
    ),
  )

  app.get('/capabilities', () =>
    cosmosJson(
      { capabilities: ['PACKAGE_MANAGEMENT', 'SUPPORT_CLUSTER_REPORT', 'METRONOME', 'LOGGING', 'LOGGING_V2'].map((name) => ({ name })) },
      CAPABILITIES_TYPE,
    ),
  )

  return app
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
