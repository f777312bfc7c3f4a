/**
 * The labels Cosmos writes on the Marathon app it creates (upstream-apis.md §4.7) and their
 * decoding when `package/list` reads installed packages back from Marathon.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { universePackageVersion, type JsonObject, type PackageDefinition } from '../universe/package-definition.ts'

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64')

/** The storage envelope: `{metadata: {Content-Type, Content-Encoding: gzip}, data: b64(gzip(json))}`. */
export function encodePackageDefinition(pkg: PackageDefinition): string {
  const envelope = {
    metadata: {
      'Content-Type': `application/vnd.dcos.universe.package+json;charset=utf-8;version=${universePackageVersion(pkg)}`,
      'Content-Encoding': 'gzip',
    },
    data: b64(gzipSync(Buffer.from(JSON.stringify(pkg), 'utf8'))),
  }
  return b64(JSON.stringify(envelope))
}

export function decodePackageDefinition(label: string): PackageDefinition | undefined {
  try {
    const envelope = JSON.parse(Buffer.from(label, 'base64').toString('utf8')) as { metadata?: Record<string, string>; data?: string }
    if (typeof envelope.data !== 'string') return undefined
    const raw = Buffer.from(envelope.data, 'base64')
    const text = envelope.metadata?.['Content-Encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
    return JSON.parse(text) as PackageDefinition
  } catch {
    return undefined
  }
}

/** Legacy DCOS_PACKAGE_METADATA (pre Nov-2018 Cosmos), accepted when reading apps. */
export function decodePackageMetadata(label: string): PackageDefinition | undefined {
  try {
    return JSON.parse(Buffer.from(label, 'base64').toString('utf8')) as PackageDefinition
  } catch {
    return undefined
  }
}

export function encodeOptions(options: JsonObject): string {
  return b64(JSON.stringify(options))
}

export function decodeOptions(label: string | undefined): JsonObject | undefined {
  if (!label) return undefined
  try {
    return JSON.parse(Buffer.from(label, 'base64').toString('utf8')) as JsonObject
  } catch {
    return undefined
  }
}

/** The five labels Cosmos sets on top of the template's own, so they cannot be overridden. */
export function cosmosLabels(pkg: PackageDefinition, sourceUri: string, userOptions: JsonObject): Record<string, string> {
  return {
    DCOS_PACKAGE_NAME: pkg.name,
    DCOS_PACKAGE_VERSION: pkg.version,
    DCOS_PACKAGE_SOURCE: sourceUri,
    DCOS_PACKAGE_OPTIONS: encodeOptions(userOptions),
    DCOS_PACKAGE_DEFINITION: encodePackageDefinition(pkg),
  }
}
