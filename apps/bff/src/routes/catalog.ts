/**
 * `/api/catalog`: Cosmos package search and detail (with the `config` JSON Schema), install with
 * options validated here against that schema before Cosmos sees them, installed packages,
 * uninstall, and (admin only) package repositories.
 */
import { AddRepositorySchema, CatalogSearchQuerySchema, DeleteRepositorySchema, InstallPackageSchema, PackageParamSchema, PackageVersionQuerySchema, UninstallPackageSchema } from '@meridian/api'
import type { InstallResultView, UninstallResultView } from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { validateInstallOptions } from '../views/catalog/install-options.ts'
import { toCatalogSearch, toInstalledPackage, toPackageDetail, toRepositories } from '../views/catalog/to-catalog-view.ts'
import { validate } from './validate.ts'

const write = requirePermission('workload')
const admin = requirePermission('repositories')

/** Catalog routes. */
export function catalogRoutes() {
  return new Hono<BffEnv>()
    .get('/packages', validate('query', CatalogSearchQuerySchema), async (c) => {
      const { q, tag } = c.req.valid('query')
      return c.json(toCatalogSearch(await c.var.upstreams.cosmos.search(q), tag), 200)
    })
    .get('/packages/:name', validate('param', PackageParamSchema), validate('query', PackageVersionQuerySchema), async (c) => {
      const { cosmos } = c.var.upstreams
      const { name } = c.req.valid('param')
      const [definition, versions] = await Promise.all([cosmos.describe(name, c.req.valid('query').version), cosmos.listVersions(name)])
      return c.json(toPackageDetail(definition, versions), 200)
    })
    .post('/install', write, validate('json', InstallPackageSchema), async (c) => {
      const { cosmos } = c.var.upstreams
      const req = c.req.valid('json')
      const definition = await cosmos.describe(req.packageName, req.packageVersion)
      const problems = validateInstallOptions(definition.config, req.options)
      if (problems.length > 0) throw new AppError('ValidationFailed', `Options for ${req.packageName} ${definition.version} do not match its configuration schema`, { details: problems })
      // Pin the version that was validated, so Cosmos installs exactly what was checked.
      const r = await cosmos.install({ ...req, packageVersion: definition.version })
      const out: InstallResultView = { packageName: r.packageName, packageVersion: r.packageVersion, appId: r.appId ?? null, postInstallNotes: r.postInstallNotes ?? null }
      return c.json(out, 200)
    })
    .get('/installed', async (c) => c.json({ packages: (await c.var.upstreams.cosmos.list()).map(toInstalledPackage) }, 200))
    .post('/uninstall', write, validate('json', UninstallPackageSchema), async (c) => {
      const r = await c.var.upstreams.cosmos.uninstall(c.req.valid('json'))
      const out: UninstallResultView = {
        results: (r.results ?? []).map((x) => ({ packageName: x.packageName, appId: x.appId, packageVersion: x.packageVersion ?? null, postUninstallNotes: x.postUninstallNotes ?? null })),
      }
      return c.json(out, 200)
    })
    .get('/repositories', async (c) => c.json(toRepositories(await c.var.upstreams.cosmos.repositories()), 200))
    .post('/repositories', admin, validate('json', AddRepositorySchema), async (c) => c.json(toRepositories(await c.var.upstreams.cosmos.addRepository(c.req.valid('json'))), 200))
    .delete('/repositories', admin, validate('json', DeleteRepositorySchema), async (c) => c.json(toRepositories(await c.var.upstreams.cosmos.deleteRepository(c.req.valid('json'))), 200))
}
