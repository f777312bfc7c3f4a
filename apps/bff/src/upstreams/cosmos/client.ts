/**
 * Cosmos adapter (`/package/*`, upstream-apis.md §4): POST RPCs with Cosmos's versioned media
 * types. Errors arrive as `{type, message, data?}`; the shared client keeps `type` and turns
 * JsonSchemaMismatch reports into field details, and this adapter turns the "not found" types
 * (Cosmos answers them with 400) into NotFound.
 */
import { AppError } from '../../errors.ts'
import { sendJson, type UpstreamClientOptions } from '../http.ts'
import { COSMOS_RPC, type CosmosRpcTypes } from './media-types.ts'
import type { CosmosInstallResponse, CosmosInstalledPackage, CosmosPackageDefinition, CosmosRepository, CosmosSearchPackage, CosmosUninstallResponse } from './wire.ts'

/** The Cosmos adapter. */
export type CosmosClient = ReturnType<typeof createCosmosClient>

/** Cosmos error types that mean "no such thing" although Cosmos answers 400. */
const NOT_FOUND_TYPES = new Set(['PackageNotFound', 'VersionNotFound', 'MarathonAppNotFound'])

/** Creates the adapter; `baseUrl` is the cluster origin (Cosmos paths are kept as-is by Admin Router). */
export function createCosmosClient(opts: UpstreamClientOptions) {
  async function rpc<T>(path: string, types: CosmosRpcTypes, body: Record<string, unknown>, idempotent: boolean): Promise<T> {
    try {
      const res = await sendJson<T>('cosmos', opts, { method: 'POST', path, body, idempotent, headers: { 'content-type': types.request, accept: types.response } })
      return res.body
    } catch (err) {
      if (err instanceof AppError && err.kind === 'UpstreamRejected' && NOT_FOUND_TYPES.has(err.upstream?.type ?? '')) {
        throw new AppError('NotFound', err.message, { ...(err.upstream ? { upstream: err.upstream } : {}), cause: err })
      }
      throw err
    }
  }
  const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

  return {
    async search(query?: string): Promise<CosmosSearchPackage[]> {
      return (await rpc<{ packages?: CosmosSearchPackage[] }>('/package/search', COSMOS_RPC.search, defined({ query }), true))?.packages ?? []
    },
    /** describe v3: the full package definition (with the `config` JSON Schema). */
    async describe(packageName: string, packageVersion?: string): Promise<CosmosPackageDefinition> {
      return (await rpc<{ package: CosmosPackageDefinition }>('/package/describe', COSMOS_RPC.describe, defined({ packageName, packageVersion }), true)).package
    },
    /** `{version: releaseVersion}` of every version of a package. */
    async listVersions(packageName: string): Promise<Record<string, string>> {
      return (await rpc<{ results?: Record<string, string> }>('/package/list-versions', COSMOS_RPC.listVersions, { packageName, includePackageVersions: true }, true))?.results ?? {}
    },
    async install(req: { packageName: string; packageVersion?: string; options?: Record<string, unknown>; appId?: string }): Promise<CosmosInstallResponse> {
      return rpc<CosmosInstallResponse>('/package/install', COSMOS_RPC.install, defined(req), false)
    },
    async uninstall(req: { packageName: string; appId?: string; all?: boolean }): Promise<CosmosUninstallResponse> {
      return rpc<CosmosUninstallResponse>('/package/uninstall', COSMOS_RPC.uninstall, defined(req), false)
    },
    /** Installed packages (Cosmos reads them from the Marathon apps' labels). */
    async list(): Promise<CosmosInstalledPackage[]> {
      return (await rpc<{ packages?: CosmosInstalledPackage[] }>('/package/list', COSMOS_RPC.list, {}, true))?.packages ?? []
    },
    async repositories(): Promise<CosmosRepository[]> {
      return (await rpc<{ repositories?: CosmosRepository[] }>('/package/repository/list', COSMOS_RPC.repositoryList, {}, true))?.repositories ?? []
    },
    async addRepository(req: { name: string; uri: string; index?: number }): Promise<CosmosRepository[]> {
      return (await rpc<{ repositories?: CosmosRepository[] }>('/package/repository/add', COSMOS_RPC.repositoryAdd, defined(req), false))?.repositories ?? []
    },
    async deleteRepository(req: { name?: string; uri?: string }): Promise<CosmosRepository[]> {
      return (await rpc<{ repositories?: CosmosRepository[] }>('/package/repository/delete', COSMOS_RPC.repositoryDelete, defined(req), false))?.repositories ?? []
    },
  }
}
