/**
 * Installing and uninstalling packages through Marathon's HTTP API, and reading installed
 * packages back from Marathon app labels (Cosmos keeps no state of its own).
 */
import type { SimClock } from '../sim/clock.ts'
import type { MesosMaster } from '../mesos/state/master.ts'
import {
  ambiguousAppId,
  CosmosError,
  marathonAppNotFound,
  marathonBadGateway,
  packageAlreadyInstalled,
  packageNotInstalled,
  uninstallNonExistentAppForPackage,
} from './errors.ts'
import { normalizeAppId, type MarathonApp, type MarathonClient } from './marathon-client.ts'
import { resolvePackage } from './package-catalog.ts'
import { decodeOptions, decodePackageDefinition, decodePackageMetadata } from './render/package-labels.ts'
import { deepMerge, extractDefaults } from './render/options.ts'
import { renderMarathonApp } from './render/render-marathon-app.ts'
import type { JsonObject, PackageDefinition } from './universe/package-definition.ts'
import type { RepositoryRegistry } from './universe/repository-registry.ts'

export interface InstallerDeps {
  registry: RepositoryRegistry
  marathon: MarathonClient
  /** GET against the cluster's own origin (SDK scheduler API, as Cosmos calls /service/<app>/v1) */
  fetchPath: (path: string) => Promise<Response>
  clock: SimClock
  master: MesosMaster
}

/** The package stored on an app: DCOS_PACKAGE_DEFINITION, or legacy DCOS_PACKAGE_METADATA. */
export function installedPackageOf(app: MarathonApp): PackageDefinition | undefined {
  const labels = app.labels ?? {}
  if (!labels.DCOS_PACKAGE_NAME) return undefined
  if (labels.DCOS_PACKAGE_DEFINITION) return decodePackageDefinition(labels.DCOS_PACKAGE_DEFINITION)
  if (labels.DCOS_PACKAGE_METADATA) return decodePackageMetadata(labels.DCOS_PACKAGE_METADATA)
  return undefined
}

export class PackageInstaller {
  constructor(private readonly deps: InstallerDeps) {}

  async install(req: { packageName: string; packageVersion?: string; options?: JsonObject; appId?: string }): Promise<JsonObject> {
    const { pkg, repository } = resolvePackage(this.deps.registry, req.packageName, req.packageVersion)
    const { app } = renderMarathonApp({
      pkg,
      sourceUri: repository.uri,
      ...(req.options ? { options: req.options } : {}),
      ...(req.appId !== undefined ? { appId: req.appId } : {}),
    })
    const base = { packageName: pkg.name, packageVersion: pkg.version }
    if (!app) return { ...base, postInstallNotes: pkg.postInstallNotes, cli: pkg.resource?.cli }
    const reply = await this.deps.marathon.createApp(app)
    // Marathon 409 (an app with that id exists) is PackageAlreadyInstalled (PackageInstallHandler).
    if (reply.status === 409) throw packageAlreadyInstalled()
    if (reply.status === 422 || reply.status === 400) {
      throw new CosmosError('MarathonBadResponse', `Marathon rejected the rendered app: ${String(reply.body.message ?? '')}`, 500, {
        marathonError: reply.body,
      })
    }
    if (reply.status >= 300) throw marathonBadGateway(reply.status)
    return { ...base, appId: normalizeAppId(String(app.id)), postInstallNotes: pkg.postInstallNotes, cli: pkg.resource?.cli }
  }

  /** package/list: every Marathon app carrying DCOS_PACKAGE_NAME, sorted by (name, appId). */
  async list(filter: { packageName?: string; appId?: string }): Promise<JsonObject> {
    const apps = await this.deps.marathon.listApps()
    const packages = apps
      .filter((a) => a.labels?.DCOS_PACKAGE_NAME !== undefined)
      .filter((a) => filter.packageName === undefined || a.labels?.DCOS_PACKAGE_NAME === filter.packageName)
      .filter((a) => filter.appId === undefined || normalizeAppId(a.id) === normalizeAppId(filter.appId))
      .flatMap((a) => {
        const pkg = installedPackageOf(a)
        if (!pkg) return []
        const { config: _c, marathon: _m, resource, command: _cmd, releaseVersion: _r, upgradesFrom: _u, downgradesTo: _d, ...details } = pkg
        return [
          {
            appId: normalizeAppId(a.id),
            packageInformation: {
              packageDefinition: details,
              ...(resource ? { resourceDefinition: { assets: resource.assets, images: resource.images } } : {}),
            },
          },
        ]
      })
      .sort((x, y) => x.packageInformation.packageDefinition.name.localeCompare(y.packageInformation.packageDefinition.name) || x.appId.localeCompare(y.appId))
    return { packages }
  }

  async uninstall(req: { packageName: string; appId?: string; all?: boolean }): Promise<JsonObject> {
    const apps = (await this.deps.marathon.listApps()).filter((a) => a.labels?.DCOS_PACKAGE_NAME === req.packageName)
    const targets = req.appId !== undefined ? apps.filter((a) => normalizeAppId(a.id) === normalizeAppId(req.appId!)) : apps
    if (targets.length === 0) {
      throw req.appId !== undefined ? uninstallNonExistentAppForPackage(req.packageName, normalizeAppId(req.appId)) : packageNotInstalled(req.packageName)
    }
    if (targets.length > 1 && req.all !== true) throw ambiguousAppId(req.packageName, targets.map((a) => normalizeAppId(a.id)))
    const results: JsonObject[] = []
    for (const app of targets) {
      const pkg = installedPackageOf(app)
      if (app.labels?.DCOS_COMMONS_UNINSTALL === 'true') await this.startSdkUninstall(app)
      else await this.uninstallPlain(app)
      results.push({
        packageName: req.packageName,
        appId: normalizeAppId(app.id),
        packageVersion: app.labels?.DCOS_PACKAGE_VERSION,
        postUninstallNotes: pkg?.postUninstallNotes,
      })
    }
    return { results }
  }

  /** Plain apps: Marathon DELETE, then tear down the framework the template named. */
  private async uninstallPlain(app: MarathonApp): Promise<void> {
    const reply = await this.deps.marathon.deleteApp(app.id, true)
    if (reply.status === 404) throw marathonAppNotFound(normalizeAppId(app.id))
    if (reply.status >= 300) throw marathonBadGateway(reply.status)
    const frameworkName = app.labels?.DCOS_PACKAGE_FRAMEWORK_NAME
    if (!frameworkName) return
    const ids = [...this.deps.master.frameworks.values()].filter((f) => f.name === frameworkName).map((f) => f.id)
    if (ids.length > 1) {
      throw new CosmosError('MultipleFrameworkIds', `Uninstalled package [${app.labels?.DCOS_PACKAGE_NAME ?? ''}] but multiple frameworks with name [${frameworkName}] exist`, 400, {
        frameworkName,
        frameworkIds: ids,
      })
    }
    for (const id of ids) this.deps.master.removeFramework(id)
  }

  /**
   * SDK apps (DCOS_COMMONS_UNINSTALL): restart the scheduler with SDK_UNINSTALL=true and answer
   * at once; in the background wait until `/v1/plans/deploy` (now the uninstall plan) answers
   * 200 and the framework is gone from Mesos, then DELETE the app (SdkUninstaller in Cosmos).
   */
  private async startSdkUninstall(app: MarathonApp): Promise<void> {
    const appId = normalizeAppId(app.id)
    const env = { ...(app.env ?? {}), SDK_UNINSTALL: 'true' }
    const reply = await this.deps.marathon.updateApp(appId, { env }, true)
    if (reply.status === 404) throw marathonAppNotFound(appId)
    if (reply.status >= 300) throw marathonBadGateway(reply.status)
    const frameworkName = app.labels?.DCOS_PACKAGE_FRAMEWORK_NAME ?? appId.slice(1)
    let busy = false
    const timer = this.deps.clock.every(2000, () => {
      if (busy) return
      busy = true
      void this.pollSdkUninstall(appId, frameworkName)
        .then((done) => {
          if (done) timer.cancel()
        })
        .finally(() => {
          busy = false
        })
    })
  }

  private async pollSdkUninstall(appId: string, frameworkName: string): Promise<boolean> {
    const plan = await this.deps.fetchPath(`/service${appId}/v1/plans/deploy`).catch(() => undefined)
    if (plan?.status !== 200) return false
    const stillRegistered = [...this.deps.master.frameworks.values()].some((f) => f.name === frameworkName)
    if (stillRegistered) return false
    const reply = await this.deps.marathon.deleteApp(appId, true)
    return reply.status < 300 || reply.status === 404
  }

  /** cosmos/service/describe. */
  async describeService(appId: string): Promise<JsonObject> {
    const app = await this.deps.marathon.getApp(appId)
    if (!app) throw marathonAppNotFound(normalizeAppId(appId))
    const pkg = installedPackageOf(app)
    if (!pkg) throw marathonAppNotFound(normalizeAppId(appId))
    const userProvidedOptions = decodeOptions(app.labels?.DCOS_PACKAGE_OPTIONS) ?? {}
    return {
      package: pkg,
      upgradesTo: this.upgradesTo(pkg),
      downgradesTo: pkg.downgradesTo ?? [],
      resolvedOptions: deepMerge(extractDefaults(pkg.config), userProvidedOptions),
      userProvidedOptions,
    }
  }

  private upgradesTo(pkg: PackageDefinition): string[] {
    return this.deps.registry
      .revisions(pkg.name)
      .filter(({ pkg: p }) => p.version !== pkg.version && (p.upgradesFrom ?? []).some((v) => v === '*' || v === pkg.version))
      .map(({ pkg: p }) => p.version)
  }

  /** cosmos/service/update: re-render with new options and PUT the app (Marathon restarts the scheduler). */
  async updateService(req: { appId: string; packageVersion?: string; options?: JsonObject; replace: boolean }): Promise<JsonObject> {
    const appId = normalizeAppId(req.appId)
    const app = await this.deps.marathon.getApp(appId)
    const installed = app ? installedPackageOf(app) : undefined
    if (!app || !installed) throw marathonAppNotFound(appId)
    const { pkg, repository } = resolvePackage(this.deps.registry, installed.name, req.packageVersion ?? installed.version)
    const stored = decodeOptions(app.labels?.DCOS_PACKAGE_OPTIONS) ?? {}
    const userOptions = req.replace ? (req.options ?? {}) : deepMerge(stored, req.options ?? {})
    const { app: rendered, resolvedOptions } = renderMarathonApp({ pkg, sourceUri: repository.uri, options: userOptions, appId })
    if (!rendered) throw marathonAppNotFound(appId)
    const reply = await this.deps.marathon.updateApp(appId, rendered, true)
    if (reply.status >= 300) throw marathonBadGateway(reply.status)
    return { package: pkg, resolvedOptions, marathonDeploymentId: String(reply.body.deploymentId ?? reply.headers.get('Marathon-Deployment-Id') ?? '') }
  }
}
