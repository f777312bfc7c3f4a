/**
 * Every real Universe package (shared/universe) installs with default options through Cosmos
 * into Marathon; ambiguity and unknown apps answer Cosmos's errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serveCluster, type ServedCluster } from '../testing/serve-cluster.ts'
import { sharedUniverseDir } from '../testing/shared-universe.ts'

const T = (kind: string, v = 'v1'): string => `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${v}`
const SHARED = join(sharedUniverseDir(), 'packages')


let served: ServedCluster
const rpc = async (path: string, kind: string, body: unknown, accept = T(`${kind}-response`)) => {
  const res = await fetch(`${served.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': T(`${kind}-request`), Accept: accept }, body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('package/install for every shared Universe package', () => {
  beforeAll(async () => {
    served = await serveCluster({ agents: 10, empty: true })
    const add = await rpc('/package/repository/add', 'repository.add', { name: 'shared', uri: pathToFileURL(SHARED).href, index: 0 })
    expect(add.status).toBe(200)
  })
  afterAll(async () => {
    await served.close()
  })

  for (const name of ['kafka', 'cassandra', 'hello-world', 'marathon-lb', 'jenkins', 'nginx']) {
    it(`installs ${name} with default options and labels the Marathon app`, async () => {
      const r = await rpc('/package/install', 'install', { packageName: name }, T('install-response', 'v2'))
      expect(r.status).toBe(200)
      const appId = r.json.appId as string
      const app = (await (await fetch(`${served.baseUrl}/service/marathon/v2/apps${appId}`)).json()) as { app: { labels: Record<string, string> } }
      expect(app.app.labels.DCOS_PACKAGE_NAME).toBe(name)
      expect(app.app.labels.DCOS_PACKAGE_DEFINITION).toBeTypeOf('string')
    })
  }

  it('answers AmbiguousAppId, UninstallNonExistentAppForPackage and MarathonAppNotFound', async () => {
    const second = await rpc('/package/install', 'install', { packageName: 'nginx', appId: '/nginx-2' }, T('install-response', 'v2'))
    expect(second.status).toBe(200)
    const amb = await rpc('/package/uninstall', 'uninstall', { packageName: 'nginx' })
    expect(amb.json.type).toBe('AmbiguousAppId')
    expect((amb.json.data as { appIds: string[] }).appIds.sort()).toEqual(['/nginx', '/nginx-2'])
    const none = await rpc('/package/uninstall', 'uninstall', { packageName: 'nginx', appId: '/nope' })
    expect(none.json.type).toBe('UninstallNonExistentAppForPackage')
    const desc = await fetch(`${served.baseUrl}/cosmos/service/describe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.dcos.service.describe-request+json;charset=utf-8;version=v1', Accept: 'application/vnd.dcos.service.describe-response+json;charset=utf-8;version=v1' },
      body: JSON.stringify({ appId: '/nope' }),
    })
    expect(((await desc.json()) as { type: string }).type).toBe('MarathonAppNotFound')
    const all = await rpc('/package/uninstall', 'uninstall', { packageName: 'nginx', all: true })
    expect((all.json.results as unknown[]).length).toBe(2)
  })
})
