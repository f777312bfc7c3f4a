/**
 * Cosmos's versioned media types (upstream-apis.md §4.1): every RPC sends its exact request type
 * in Content-Type and names the response version it understands in Accept; Cosmos answers
 * 400 `not_valid` for anything else.
 */
export function packageMediaType(kind: string, version: string): string {
  return `application/vnd.dcos.package.${kind}+json;charset=utf-8;version=${version}`
}

/** Request/response types of one `/package/*` RPC. */
export interface CosmosRpcTypes {
  request: string
  response: string
}

/** `kind` request v1 → `kind` response `responseVersion`. */
export function rpcTypes(kind: string, responseVersion = 'v1'): CosmosRpcTypes {
  return { request: packageMediaType(`${kind}-request`, 'v1'), response: packageMediaType(`${kind}-response`, responseVersion) }
}

/** The types the adapter uses (describe v3 carries the full definition incl. `config`; install v2 has notes). */
export const COSMOS_RPC = {
  search: rpcTypes('search'),
  describe: rpcTypes('describe', 'v3'),
  listVersions: rpcTypes('list-versions'),
  install: rpcTypes('install', 'v2'),
  uninstall: rpcTypes('uninstall'),
  list: rpcTypes('list'),
  repositoryList: rpcTypes('repository.list'),
  repositoryAdd: rpcTypes('repository.add'),
  repositoryDelete: rpcTypes('repository.delete'),
} as const
