/** Cosmos search/describe/list responses → catalog views. Pure. */
import type { CatalogPackageDetailView, CatalogPackageView, CatalogSearchView, InstalledPackageView, RepositoryView } from '@meridian/api'
import type { CosmosInstalledPackage, CosmosPackageDefinition, CosmosRepository, CosmosSearchPackage } from '../../upstreams/cosmos/index.ts'

/** Versions newest first by releaseVersion (Cosmos orders a package's versions by it). */
export function versionsByRelease(versions: Record<string, number | string> | undefined): string[] {
  return Object.entries(versions ?? {})
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map(([v]) => v)
}

export function toCatalogPackage(p: CosmosSearchPackage): CatalogPackageView {
  return {
    name: p.name,
    currentVersion: p.currentVersion,
    versions: versionsByRelease(p.versions),
    description: p.description ?? '',
    framework: p.framework ?? false,
    tags: p.tags ?? [],
    selected: p.selected ?? false,
    icon: p.images?.['icon-medium'] ?? p.images?.['icon-small'] ?? null,
  }
}

/** Search results (Cosmos order: selected first, then name), filtered by tag, with tag counts of the query's matches. */
export function toCatalogSearch(packages: CosmosSearchPackage[], tag?: string): CatalogSearchView {
  const all = packages.map(toCatalogPackage)
  const counts = new Map<string, number>()
  for (const p of all) for (const t of new Set(p.tags)) counts.set(t, (counts.get(t) ?? 0) + 1)
  const wanted = tag?.toLowerCase()
  return {
    packages: wanted === undefined ? all : all.filter((p) => p.tags.some((t) => t.toLowerCase() === wanted)),
    tags: [...counts].map(([t, count]) => ({ tag: t, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
  }
}

export function toPackageDetail(p: CosmosPackageDefinition, versions: Record<string, string>): CatalogPackageDetailView {
  return {
    name: p.name,
    version: p.version,
    versions: versionsByRelease(versions),
    description: p.description ?? '',
    maintainer: p.maintainer ?? '',
    tags: p.tags ?? [],
    selected: p.selected ?? false,
    framework: p.framework ?? false,
    website: p.website ?? null,
    preInstallNotes: p.preInstallNotes ?? null,
    postInstallNotes: p.postInstallNotes ?? null,
    licenses: p.licenses ?? [],
    configSchema: p.config ?? null,
    images: p.resource?.images ?? null,
  }
}

export function toInstalledPackage(p: CosmosInstalledPackage): InstalledPackageView {
  const d = p.packageInformation.packageDefinition
  return { appId: p.appId, packageName: d.name, packageVersion: d.version, description: d.description ?? '', framework: d.framework ?? false }
}

export function toRepositories(list: CosmosRepository[]): { repositories: RepositoryView[] } {
  return { repositories: list.map((r) => ({ name: r.name, uri: r.uri })) }
}
