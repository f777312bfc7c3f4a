/**
 * package/repository/list|add|delete with Cosmos's errors (RepositoryAlreadyPresent,
 * RepositoryAddIndexOutOfBounds, RepositoryUriSyntax, UnsupportedRepositoryUri,
 * RepositoryUriConnection, RepoNameOrUriMissing, RepositoryNotPresent).
 */
import { CosmosError } from './errors.ts'
import { loadRepository, RepositoryLoadError } from './universe/load-repository.ts'
import type { RepositoryRegistry } from './universe/repository-registry.ts'

/**
 * Real Cosmos only fetches http(s) repositories. `file:` URIs are accepted only when the cluster
 * allows them (tests), so a demo server never lets a client make it read its local disk.
 */
export async function addRepository(registry: RepositoryRegistry, req: { name: string; uri: string; index?: number }, opts: { allowFileUris?: boolean } = {}): Promise<void> {
  // The duplicate check and the claim are one synchronous step: a second add with the same name
  // or URI arriving while this one fetches gets RepositoryAlreadyPresent, as from real Cosmos.
  const claim = registry.reserve(req.name, req.uri)
  if ('taken' in claim) {
    const data: Record<string, string> = {}
    if (claim.taken.name) data.name = req.name
    if (claim.taken.uri) data.uri = req.uri
    const what = [claim.taken.name ? `name [${req.name}]` : '', claim.taken.uri ? `URI [${req.uri}]` : ''].filter(Boolean).join(' and ')
    throw new CosmosError('RepositoryAlreadyPresent', `Repository ${what} already exists`, 400, data)
  }
  try {
    const index = req.index ?? registry.size()
    if (!Number.isInteger(index) || index < 0 || index > registry.size()) {
      throw new CosmosError('RepositoryAddIndexOutOfBounds', `Index (${index}) is out of range. Index value must be between 0 and ${registry.size()} inclusive.`, 400, {
        attempted: index,
        max: registry.size(),
      })
    }
    let parsed: URL
    try {
      parsed = new URL(req.uri)
    } catch {
      throw new CosmosError('RepositoryUriSyntax', `URI for repository [${req.name}] has invalid syntax: ${req.uri}`, 400, { repository: req.name, uri: req.uri })
    }
    if (!['http:', 'https:', ...(opts.allowFileUris ? ['file:'] : [])].includes(parsed.protocol)) {
      throw new CosmosError('UnsupportedRepositoryUri', `Repository URI [${req.uri}] uses an unsupported scheme. Only http and https are supported`, 400, { uri: req.uri })
    }
    const packages = await loadRepository(req.uri)
    registry.insert({ name: req.name, uri: req.uri, packages }, index)
  } catch (err) {
    if (err instanceof RepositoryLoadError) {
      throw new CosmosError('RepositoryUriConnection', `Could not access data at URI for repository [${req.name}]: ${req.uri}`, 400, {
        repository: req.name,
        uri: req.uri,
        cause: err.message,
      })
    }
    throw err
  } finally {
    claim.release()
  }
}

export function deleteRepository(registry: RepositoryRegistry, req: { name?: string; uri?: string }): void {
  if (req.name === undefined && req.uri === undefined) throw new CosmosError('RepoNameOrUriMissing', 'Must specify either the name or URI of the repository')
  const repo = req.name !== undefined ? registry.findByName(req.name) : registry.findByUri(req.uri!)
  if (!repo || (req.uri !== undefined && repo.uri !== req.uri)) {
    const what = req.name !== undefined ? `name [${req.name}]` : `URI [${req.uri}]`
    throw new CosmosError('RepositoryNotPresent', `Repository ${what} not found`, 400, { ...(req.name !== undefined ? { name: req.name } : {}), ...(req.uri !== undefined ? { uri: req.uri } : {}) })
  }
  registry.remove(repo)
}
