/**
 * Cosmos errors: `{type, message, data?}` with `Content-Type:
 * application/vnd.dcos.package.error+json;charset=utf-8;version=v1`. `type` is the Cosmos error
 * class name (dcos/cosmos cosmos-common/.../error/*.scala); the status is 400 unless the class
 * overrides it.
 */
import { ERROR_TYPE } from './media-types.ts'

export class CosmosError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number = 400,
    readonly data?: Record<string, unknown>,
  ) {
    super(message)
  }

  toBody(): Record<string, unknown> {
    return { type: this.type, message: this.message, ...(this.data !== undefined ? { data: this.data } : {}) }
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.toBody()), { status: this.status, headers: { 'Content-Type': ERROR_TYPE } })
  }
}

export const packageNotFound = (packageName: string): CosmosError =>
  new CosmosError('PackageNotFound', `Package [${packageName}] not found`, 400, { packageName })

export const versionNotFound = (packageName: string, packageVersion: string): CosmosError =>
  new CosmosError('VersionNotFound', `Version [${packageVersion}] of package [${packageName}] not found`, 400, {
    packageName,
    packageVersion,
  })

export const jsonSchemaMismatch = (errors: unknown[]): CosmosError =>
  new CosmosError('JsonSchemaMismatch', 'Options JSON failed validation', 400, { errors })

export const packageAlreadyInstalled = (): CosmosError => new CosmosError('PackageAlreadyInstalled', 'Package is already installed', 409)

export const packageNotInstalled = (packageName: string): CosmosError =>
  new CosmosError('PackageNotInstalled', `Package [${packageName}] is not installed`, 400, { packageName })

export const uninstallNonExistentAppForPackage = (packageName: string, appId: string): CosmosError =>
  new CosmosError('UninstallNonExistentAppForPackage', `Package [${packageName}] with id [${appId}] is not installed`, 400, {
    packageName,
    appId,
  })

export const ambiguousAppId = (packageName: string, appIds: string[]): CosmosError =>
  new CosmosError('AmbiguousAppId', `Multiple apps named [${packageName}] are installed: [${appIds.join(', ')}]`, 400, {
    packageName,
    appIds,
  })

export const marathonAppNotFound = (appId: string): CosmosError =>
  new CosmosError('MarathonAppNotFound', `Unable to locate service with marathon appId: '${appId}'`, 400, { appId })

export const incompleteUninstall = (packageName: string): CosmosError =>
  new CosmosError('IncompleteUninstall', `Incomplete uninstall of package [${packageName}] due to Mesos unavailability`, 503, {
    packageName,
  })

export const optionsNotAllowed = (): CosmosError =>
  new CosmosError('OptionsNotAllowed', 'No schema available to validate the provided options')

/** finch's NotValid for a header (IncompatibleAcceptHeader / IncompatibleContentTypeHeader). */
export const headerNotValid = (name: 'Accept' | 'Content-Type', message: string, specified: unknown, available: string[]): CosmosError =>
  new CosmosError('not_valid', message, 400, { invalidItem: { type: 'header', name }, specified, available })

export const headerNotPresent = (name: string): CosmosError =>
  new CosmosError('not_present', `Item '${name}' not present but required`, 400, { invalidItem: { type: 'header', name } })

export const jsonError = (kind: 'parse' | 'decode', reason: string, path?: string): CosmosError =>
  new CosmosError('json_error', kind === 'parse' ? 'Json parsing failure' : 'Json decoding failure', 400, {
    type: kind,
    reason,
    ...(path !== undefined ? { path } : {}),
  })

export const marathonBadGateway = (status: number): CosmosError =>
  new CosmosError('MarathonBadGateway', `Received response status code ${status} from Marathon`, 502, { marathonStatus: status })
