/**
 * The ordered list of package repositories Cosmos serves from (`package/repository/*`). Order is
 * priority: a name found in several repositories resolves to the earliest one, and within a
 * repository "latest" is the highest releaseVersion (not the greatest version string).
 */
import type { PackageDefinition } from './package-definition.ts'

export interface Repository {
  name: string
  uri: string
  packages: PackageDefinition[]
}

export interface ResolvedPackage {
  pkg: PackageDefinition
  repository: Repository
}

export class RepositoryRegistry {
  private repos: Repository[] = []
  /** names and URIs of adds still fetching their repository (see `reserve`) */
  private readonly pendingNames = new Set<string>()
  private readonly pendingUris = new Set<string>()

  constructor(initial: Repository[] = []) {
    this.repos = [...initial]
  }

  list(): Array<{ name: string; uri: string }> {
    return this.repos.map((r) => ({ name: r.name, uri: r.uri }))
  }

  size(): number {
    return this.repos.length
  }

  findByName(name: string): Repository | undefined {
    return this.repos.find((r) => r.name === name)
  }

  findByUri(uri: string): Repository | undefined {
    return this.repos.find((r) => r.uri === uri)
  }

  /**
   * Claims a name and URI for an add that must fetch the repository first. Real Cosmos writes
   * the list with a compare-and-set (ZooKeeper), so of two concurrent adds with the same name
   * only one lands; here the claim is taken synchronously with the duplicate check, before the
   * fetch yields. Returns which of the two is taken (present or claimed), or the release function.
   */
  reserve(name: string, uri: string): { taken: { name: boolean; uri: boolean } } | { release: () => void } {
    const taken = { name: this.pendingNames.has(name) || this.findByName(name) !== undefined, uri: this.pendingUris.has(uri) || this.findByUri(uri) !== undefined }
    if (taken.name || taken.uri) return { taken }
    this.pendingNames.add(name)
    this.pendingUris.add(uri)
    return {
      release: () => {
        this.pendingNames.delete(name)
        this.pendingUris.delete(uri)
      },
    }
  }

  /** Inserts at `index`, clamped to the current size (another add may have landed meanwhile). */
  insert(repo: Repository, index: number): void {
    this.repos.splice(Math.min(index, this.repos.length), 0, repo)
  }

  remove(repo: Repository): void {
    this.repos = this.repos.filter((r) => r !== repo)
  }

  /** All revisions of `name` in the highest-priority repository that has it, newest first. */
  revisions(name: string): ResolvedPackage[] {
    for (const repository of this.repos) {
      const found = repository.packages.filter((p) => p.name === name)
      if (found.length > 0) return found.sort((a, b) => b.releaseVersion - a.releaseVersion).map((pkg) => ({ pkg, repository }))
    }
    return []
  }

  /** A package by name and optional version string; the earlier repository wins a tie. */
  resolve(name: string, version?: string): ResolvedPackage | 'no-package' | 'no-version' {
    let anyName = false
    for (const repository of this.repos) {
      const found = repository.packages.filter((p) => p.name === name).sort((a, b) => b.releaseVersion - a.releaseVersion)
      if (found.length === 0) continue
      anyName = true
      const pkg = version === undefined ? found[0] : found.find((p) => p.version === version)
      if (pkg) return { pkg, repository }
      if (version === undefined) break
    }
    return anyName ? 'no-version' : 'no-package'
  }

  /** Latest revision of every package name, resolved by repository priority. */
  latestOfEach(): ResolvedPackage[] {
    const seen = new Map<string, ResolvedPackage>()
    for (const repository of this.repos) {
      for (const pkg of repository.packages) {
        const cur = seen.get(pkg.name)
        if (cur && cur.repository !== repository) continue
        if (!cur || pkg.releaseVersion > cur.pkg.releaseVersion) seen.set(pkg.name, { pkg, repository })
      }
    }
    return [...seen.values()]
  }
}
