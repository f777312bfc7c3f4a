/**
 * The root group's content: apps with their stored versions, explicitly created groups and
 * group versions, plus the service-port pool (Marathon's `local_port_min..max`, 10000–20000).
 */
import type { SimClock } from '../../sim/clock.ts'
import type { MarathonApp } from '../model/app-types.ts'
import { ancestorsOf, isUnder } from '../model/path-id.ts'

export const SERVICE_PORT_MIN = 10000
export const SERVICE_PORT_MAX = 20000
/** Marathon's `--zk_max_versions` default. */
const MAX_VERSIONS = 50

export class AppStore {
  readonly apps = new Map<string, MarathonApp>()
  /** appId → version → definition, oldest first */
  readonly versions = new Map<string, Map<string, MarathonApp>>()
  readonly groups = new Set<string>(['/'])
  readonly groupVersions = new Map<string, string>()
  private readonly usedServicePorts = new Set<number>()
  private nextServicePort = SERVICE_PORT_MIN
  private lastVersion = 0

  constructor(private readonly clock: SimClock) {
    this.groupVersions.set('/', clock.nowIso())
  }

  /** A fresh version timestamp, strictly after the previous one (same-ms requests stay distinct). */
  nextVersion(): string {
    this.lastVersion = Math.max(this.clock.now(), this.lastVersion + 1)
    return new Date(this.lastVersion).toISOString()
  }

  /** Assigns service ports to `port: 0` entries and reserves explicit ones. */
  assignServicePorts(app: MarathonApp): MarathonApp {
    const take = (p: number): number => {
      if (p !== 0) {
        this.usedServicePorts.add(p)
        return p
      }
      for (let n = 0; n <= SERVICE_PORT_MAX - SERVICE_PORT_MIN; n++) {
        const candidate = this.nextServicePort
        this.nextServicePort = candidate >= SERVICE_PORT_MAX ? SERVICE_PORT_MIN : candidate + 1
        if (!this.usedServicePorts.has(candidate)) {
          this.usedServicePorts.add(candidate)
          return candidate
        }
      }
      return 0
    }
    const portDefinitions = app.portDefinitions.map((p) => ({ ...p, port: take(p.port) }))
    const container = app.container?.portMappings
      ? { ...app.container, portMappings: app.container.portMappings.map((m) => ({ ...m, servicePort: take(m.servicePort) })) }
      : app.container
    return { ...app, portDefinitions, ...(container ? { container } : {}) }
  }

  put(app: MarathonApp): void {
    this.apps.set(app.id, app)
    let versions = this.versions.get(app.id)
    if (!versions) this.versions.set(app.id, (versions = new Map()))
    versions.set(app.version, app)
    if (versions.size > MAX_VERSIONS) versions.delete(versions.keys().next().value!)
    this.touch(app.id, app.version)
  }

  remove(appId: string, version: string): MarathonApp | undefined {
    const app = this.apps.get(appId)
    if (!app) return undefined
    this.apps.delete(appId)
    this.versions.delete(appId)
    for (const p of app.portDefinitions) this.usedServicePorts.delete(p.port)
    for (const m of app.container?.portMappings ?? []) this.usedServicePorts.delete(m.servicePort)
    this.touch(appId, version)
    return app
  }

  /** Records a change under `id`: every ancestor group gets the new version. */
  touch(id: string, version: string): void {
    for (const g of ancestorsOf(id)) {
      this.groups.add(g)
      this.groupVersions.set(g, version)
    }
  }

  /** An explicitly created (possibly empty) group. */
  addGroup(id: string, version: string): void {
    this.touch(id, version)
    this.groups.add(id)
    this.groupVersions.set(id, version)
  }

  groupExists(id: string): boolean {
    if (this.groups.has(id)) return true
    for (const appId of this.apps.keys()) if (isUnder(appId, id)) return true
    return false
  }

  appsUnder(group: string): MarathonApp[] {
    return [...this.apps.values()].filter((a) => isUnder(a.id, group))
  }
}
