/**
 * The Universe package model (universe `vX-repo-definitions.json`): one object per
 * (name, releaseVersion), as found in a repository JSON's `packages` array.
 */
export type JsonObject = Record<string, unknown>

export interface PackageResource {
  assets?: { uris?: Record<string, string>; container?: { docker?: Record<string, string> } }
  images?: { 'icon-small'?: string; 'icon-medium'?: string; 'icon-large'?: string; screenshots?: string[] }
  cli?: JsonObject
}

export interface PackageDefinition {
  packagingVersion: '2.0' | '3.0' | '4.0' | '5.0'
  name: string
  version: string
  releaseVersion: number
  maintainer: string
  description: string
  tags: string[]
  selected?: boolean
  framework?: boolean
  scm?: string
  website?: string
  preInstallNotes?: string
  postInstallNotes?: string
  postUninstallNotes?: string
  licenses?: Array<{ name: string; url: string }>
  minDcosReleaseVersion?: string
  upgradesFrom?: string[]
  downgradesTo?: string[]
  config?: JsonObject
  marathon?: { v2AppMustacheTemplate: string }
  resource?: PackageResource
  command?: JsonObject
  [extra: string]: unknown
}

/** The universe storage media type version for a packagingVersion (2.0 → v2 … 5.0 → v5). */
export function universePackageVersion(p: Pick<PackageDefinition, 'packagingVersion'>): string {
  return `v${p.packagingVersion.charAt(0)}`
}

/** Checks the fields every packaging version requires; returns a reason when malformed. */
export function checkPackageDefinition(p: unknown): string | undefined {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'package is not an object'
  const o = p as JsonObject
  if (!['2.0', '3.0', '4.0', '5.0'].includes(String(o.packagingVersion))) return `unsupported packagingVersion ${String(o.packagingVersion)}`
  for (const k of ['name', 'version', 'maintainer', 'description'] as const) if (typeof o[k] !== 'string') return `${k} must be a string`
  if (!Array.isArray(o.tags)) return 'tags must be an array'
  if (typeof o.releaseVersion !== 'number' || !Number.isInteger(o.releaseVersion) || o.releaseVersion < 0) return 'releaseVersion must be a non-negative integer'
  return undefined
}
