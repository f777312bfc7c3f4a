/**
 * Read-only catalog operations: search, describe, list-versions and render.
 */
import { packageNotFound, versionNotFound } from './errors.ts'
import { renderMarathonApp } from './render/render-marathon-app.ts'
import type { RepositoryRegistry, ResolvedPackage } from './universe/repository-registry.ts'
import type { JsonObject, PackageDefinition, PackageResource } from './universe/package-definition.ts'

export function resolvePackage(registry: RepositoryRegistry, name: string, version?: string): ResolvedPackage {
  const r = registry.resolve(name, version)
  if (r === 'no-package') throw packageNotFound(name)
  if (r === 'no-version') throw versionNotFound(name, version ?? '')
  return r
}

function globToRegExp(q: string): RegExp {
  const escaped = q.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')
  return new RegExp(`^${escaped}$`, 'i')
}

function matches(pkg: PackageDefinition, query: string | undefined): boolean {
  if (query === undefined || query === '') return true
  const fields = [pkg.name, pkg.description, ...pkg.tags]
  if (query.includes('*')) {
    const re = globToRegExp(query)
    return fields.some((f) => re.test(f))
  }
  const q = query.toLowerCase()
  return fields.some((f) => f.toLowerCase().includes(q))
}

function rewriteImages(images: PackageResource['images'], origin: string): unknown {
  if (!images) return undefined
  const wrap = (u: string | undefined): string | undefined => (u === undefined ? undefined : `${origin}/package/resource?url=${encodeURIComponent(u)}`)
  return {
    'icon-small': wrap(images['icon-small']),
    'icon-medium': wrap(images['icon-medium']),
    'icon-large': wrap(images['icon-large']),
    ...(images.screenshots ? { screenshots: images.screenshots.map((s) => wrap(s)) } : {}),
  }
}

/** package/search: one entry per name, selected first then by name. */
export function searchPackages(registry: RepositoryRegistry, query: string | undefined, origin: string): JsonObject {
  const packages = registry
    .latestOfEach()
    .filter(({ pkg }) => matches(pkg, query))
    .map(({ pkg }) => {
      const versions: Record<string, number> = {}
      for (const { pkg: p } of registry.revisions(pkg.name)) if (!(p.version in versions)) versions[p.version] = p.releaseVersion
      return {
        name: pkg.name,
        currentVersion: pkg.version,
        versions,
        description: pkg.description,
        framework: pkg.framework ?? false,
        tags: pkg.tags,
        selected: pkg.selected ?? false,
        images: rewriteImages(pkg.resource?.images, origin),
      }
    })
    .sort((a, b) => Number(b.selected) - Number(a.selected) || a.name.localeCompare(b.name))
  return { packages }
}

/** describe v2: the flattened pre-v3 shape. */
export function describeV2(pkg: PackageDefinition): JsonObject {
  const keys = [
    'packagingVersion', 'name', 'version', 'maintainer', 'description', 'tags', 'selected', 'scm', 'website', 'framework',
    'preInstallNotes', 'postInstallNotes', 'postUninstallNotes', 'licenses', 'minDcosReleaseVersion', 'marathon', 'resource', 'config', 'command',
  ]
  const out: JsonObject = {}
  for (const k of keys) if (pkg[k] !== undefined) out[k] = pkg[k]
  return out
}

export function listVersions(registry: RepositoryRegistry, name: string): JsonObject {
  const revisions = registry.revisions(name)
  if (revisions.length === 0) throw packageNotFound(name)
  const results: Record<string, string> = {}
  for (const { pkg } of revisions) if (!(pkg.version in results)) results[pkg.version] = String(pkg.releaseVersion)
  return { results }
}

export function renderPackage(registry: RepositoryRegistry, req: { packageName: string; packageVersion?: string; options?: JsonObject; appId?: string }): JsonObject {
  const { pkg, repository } = resolvePackage(registry, req.packageName, req.packageVersion)
  const { app } = renderMarathonApp({
    pkg,
    sourceUri: repository.uri,
    ...(req.options ? { options: req.options } : {}),
    ...(req.appId !== undefined ? { appId: req.appId } : {}),
  })
  return { marathonJson: app ?? {} }
}
