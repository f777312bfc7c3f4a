import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadUniverseFolder } from '../universe/load-repository.ts'
import { renderMarathonApp } from './render-marathon-app.ts'
import { decodeOptions, decodePackageDefinition } from './package-labels.ts'
import { CosmosError } from '../errors.ts'
import { sharedUniverseDir } from '../../testing/shared-universe.ts'

const SHARED = join(sharedUniverseDir(), 'packages')
const packages = loadUniverseFolder(SHARED)

describe('renderMarathonApp over the real Universe packages', () => {
  it('loads the six shared packages with releaseVersion from the folder', () => {
    expect(packages.map((p) => `${p.name}@${p.releaseVersion}`).sort()).toEqual(
      ['cassandra@1000', 'hello-world@700', 'jenkins@200', 'kafka@1200', 'marathon-lb@45', 'nginx@6'],
    )
  })

  it.each(packages.map((p) => [p.name, p] as const))('%s renders with default options to a labelled Marathon app', (_name, pkg) => {
    const { app } = renderMarathonApp({ pkg, sourceUri: 'file:///u' })
    expect(app).toBeDefined()
    const labels = app!.labels as Record<string, string>
    expect(labels.DCOS_PACKAGE_NAME).toBe(pkg.name)
    expect(labels.DCOS_PACKAGE_VERSION).toBe(pkg.version)
    expect(labels.DCOS_PACKAGE_SOURCE).toBe('file:///u')
    expect(decodeOptions(labels.DCOS_PACKAGE_OPTIONS)).toEqual({})
    expect(decodePackageDefinition(labels.DCOS_PACKAGE_DEFINITION!)).toEqual(pkg)
    expect(typeof app!.id).toBe('string')
  })

  it('prints Kafka placement JSON-escaped and keeps number/boolean env as strings', () => {
    const kafka = packages.find((p) => p.name === 'kafka')!
    const { app } = renderMarathonApp({ pkg: kafka, sourceUri: 'x', options: { brokers: { count: 5 } } })
    const env = app!.env as Record<string, string>
    expect(env.PLACEMENT_CONSTRAINTS).toBe('[["hostname", "MAX_PER", "1"]]')
    expect(env.BROKER_COUNT).toBe('5')
    expect(env.BROKER_CPUS).toBe('1')
    expect(app!.id).toBe('kafka')
    expect(decodeOptions((app!.labels as Record<string, string>).DCOS_PACKAGE_OPTIONS)).toEqual({ brokers: { count: 5 } })
  })

  it('prints arrays as Java list text (hello-world constraints) and renders 0 as truthy', () => {
    const hw = packages.find((p) => p.name === 'hello-world')!
    const { app } = renderMarathonApp({ pkg: hw, sourceUri: 'x' })
    expect(app).toBeDefined()
    expect(JSON.stringify(app)).not.toContain('&quot;')
  })

  it('rejects options violating the schema with every error listed', () => {
    const kafka = packages.find((p) => p.name === 'kafka')!
    let caught: unknown
    try {
      renderMarathonApp({ pkg: kafka, sourceUri: 'x', options: { brokers: { count: 'three', mem: 'lots' } } })
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(CosmosError)
    const e = caught as CosmosError
    expect(e.type).toBe('JsonSchemaMismatch')
    expect(e.status).toBe(400)
    const errors = (e.data as { errors: Array<{ instance: { pointer: string }; keyword: string }> }).errors
    expect(errors.map((x) => x.instance.pointer).sort()).toEqual(['/brokers/count', '/brokers/mem'])
    expect(errors.every((x) => x.keyword === 'type')).toBe(true)
  })

  it('overrides the id with appId and never lets the template override Cosmos labels', () => {
    const nginx = packages.find((p) => p.name === 'nginx')!
    const { app } = renderMarathonApp({ pkg: nginx, sourceUri: 'x', appId: '/web/nginx-2' })
    expect(app!.id).toBe('/web/nginx-2')
  })
})
