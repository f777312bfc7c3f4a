/** Catalog (Cosmos): packages, install with options, installed services, repositories. */
import { z } from 'zod'

/** One search result row. */
export interface CatalogPackageView {
  name: string
  currentVersion: string
  versions: string[]
  description: string
  framework: boolean
  tags: string[]
  selected: boolean
  icon: string | null
}

/** GET /api/catalog/packages/:name */
export interface CatalogPackageDetailView {
  name: string
  version: string
  versions: string[]
  description: string
  maintainer: string
  tags: string[]
  selected: boolean
  framework: boolean
  website: string | null
  preInstallNotes: string | null
  postInstallNotes: string | null
  licenses: Array<{ name: string; url: string }>
  /** the package's JSON Schema for install options (null: takes no options) */
  configSchema: Record<string, unknown> | null
  images: Record<string, unknown> | null
}

/** An installed package instance. */
export interface InstalledPackageView {
  appId: string
  packageName: string
  packageVersion: string
  description: string
  framework: boolean
}

/** GET /api/catalog/packages: matching packages and the tags present among them (with counts). */
export interface CatalogSearchView {
  packages: CatalogPackageView[]
  tags: Array<{ tag: string; count: number }>
}

/** POST /api/catalog/install result (Cosmos install-response v2). */
export interface InstallResultView {
  packageName: string
  packageVersion: string
  appId: string | null
  postInstallNotes: string | null
}

/** POST /api/catalog/uninstall result. */
export interface UninstallResultView {
  results: Array<{ packageName: string; appId: string; packageVersion: string | null; postUninstallNotes: string | null }>
}

/** GET /api/catalog/installed */
export interface InstalledPackagesView {
  packages: InstalledPackageView[]
}

/** GET/POST/DELETE /api/catalog/repositories: the whole list after the change. */
export interface RepositoriesView {
  repositories: RepositoryView[]
}

/** A package repository (order = priority). */
export interface RepositoryView {
  name: string
  uri: string
}

/** Universe package names. */
export const PackageNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a package name')
/** GET /api/catalog/packages query. */
export const CatalogSearchQuerySchema = z.object({ q: z.string().max(200).optional(), tag: z.string().max(100).optional() })
/** `:name` param. */
export const PackageParamSchema = z.object({ name: PackageNameSchema })
/** GET /api/catalog/packages/:name query. */
export const PackageVersionQuerySchema = z.object({ version: z.string().min(1).max(100).optional() })
/** POST /api/catalog/install body. Options are validated against the package's config schema in the BFF. */
export const InstallPackageSchema = z.object({
  packageName: PackageNameSchema,
  packageVersion: z.string().min(1).max(100).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  appId: z.string().regex(/^\/?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)*$/, 'must be a Marathon app id').optional(),
})
/** POST /api/catalog/install body. */
export type InstallPackageInput = z.infer<typeof InstallPackageSchema>
/** POST /api/catalog/uninstall body. */
export const UninstallPackageSchema = z.object({ packageName: PackageNameSchema, appId: z.string().max(512).optional(), all: z.boolean().optional() })
/** POST /api/catalog/repositories body. */
export const AddRepositorySchema = z.object({
  name: z.string().min(1).max(100),
  uri: z.url(),
  index: z.number().int().min(0).optional(),
})
/** DELETE /api/catalog/repositories body. */
export const DeleteRepositorySchema = z.object({ name: z.string().min(1).max(100).optional(), uri: z.url().optional() }).refine((r) => r.name !== undefined || r.uri !== undefined, 'name or uri is required')
