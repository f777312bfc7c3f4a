/** Cosmos wire shapes the BFF reads (upstream-apis.md §4.2, §4.4). */

/** Search result entry (`versions` maps version → releaseVersion). */
export interface CosmosSearchPackage {
  name: string
  currentVersion: string
  versions?: Record<string, number>
  description?: string
  framework?: boolean
  tags?: string[]
  selected?: boolean
  images?: { 'icon-small'?: string; 'icon-medium'?: string; 'icon-large'?: string; screenshots?: string[] }
}

/** Universe package definition (describe v3 `package`). */
export interface CosmosPackageDefinition {
  packagingVersion?: string
  name: string
  version: string
  releaseVersion?: number
  maintainer?: string
  description?: string
  tags?: string[]
  selected?: boolean
  framework?: boolean
  website?: string
  scm?: string
  preInstallNotes?: string
  postInstallNotes?: string
  postUninstallNotes?: string
  licenses?: Array<{ name: string; url: string }>
  config?: Record<string, unknown>
  resource?: { images?: Record<string, unknown>; [key: string]: unknown }
  [key: string]: unknown
}

/** `package/list` entry. */
export interface CosmosInstalledPackage {
  appId: string
  packageInformation: { packageDefinition: CosmosPackageDefinition; resourceDefinition?: { images?: Record<string, unknown> } }
}

/** install-response v2. */
export interface CosmosInstallResponse {
  packageName: string
  packageVersion: string
  appId?: string
  postInstallNotes?: string
}

/** uninstall-response v1. */
export interface CosmosUninstallResponse {
  results?: Array<{ packageName: string; appId: string; packageVersion?: string; postUninstallNotes?: string }>
}

/** A repository (order = priority). */
export interface CosmosRepository {
  name: string
  uri: string
}
