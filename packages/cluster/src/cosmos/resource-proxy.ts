/**
 * `GET /package/resource?url=<url>`: Cosmos's ResourceProxyHandler. Only URLs that appear in a
 * package of a configured repository (images, screenshots, asset URIs — PackageCollection
 * .allUrls) may be proxied; anything else is `Forbidden` (403) before any fetch happens.
 *
 * The embedded cluster never goes to the internet: a whitelisted URL is answered from the
 * bundled copy in `universe/images/<file name>` (as Cosmos streams the upstream bytes, with
 * `Content-Disposition: attachment; filename="<last path segment>"`), and one it has no copy of
 * is answered like an upstream 404, in the Cosmos error envelope.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Context } from 'hono'
import { CosmosError } from './errors.ts'
import type { PackageDefinition } from './universe/package-definition.ts'
import type { RepositoryRegistry } from './universe/repository-registry.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
}

/** Every URL a package's resource names (what Cosmos's PackageCollection.allUrls collects). */
export function packageUrls(pkg: PackageDefinition): string[] {
  const r = pkg.resource
  if (!r) return []
  const images = r.images ?? {}
  return [
    images['icon-small'],
    images['icon-medium'],
    images['icon-large'],
    ...(images.screenshots ?? []),
    ...Object.values(r.assets?.uris ?? {}),
  ].filter((u): u is string => typeof u === 'string')
}

function allUrls(registry: RepositoryRegistry): Set<string> {
  const out = new Set<string>()
  for (const name of new Set(registry.latestOfEach().map((r) => r.pkg.name))) {
    for (const { pkg } of registry.revisions(name)) for (const u of packageUrls(pkg)) out.add(u)
  }
  return out
}

/** The last non-empty path segment (ResourceProxyHandler.getFileNameFromUrl). */
function fileNameOf(url: string): string | undefined {
  try {
    return new URL(url).pathname.split('/').filter((s) => s !== '').pop()
  } catch {
    return undefined
  }
}

export function resourceProxy(registry: RepositoryRegistry, imagesDir: string): (c: Context) => Response {
  return (c) => {
    const url = c.req.query('url')
    if (url === undefined) {
      return new CosmosError('not_present', "Item 'url' not present but required", 400, { invalidItem: { type: 'param', name: 'url' } }).toResponse()
    }
    if (!allUrls(registry).has(url)) {
      return new CosmosError('Forbidden', 'Unable to complete request due to Forbidden response from service [ResourceProxyHandler$]', 403, {
        serviceName: 'ResourceProxyHandler$',
        destination: url,
      }).toResponse()
    }
    const name = fileNameOf(url)
    const file = name !== undefined && !name.includes('..') ? path.join(imagesDir, name) : undefined
    if (!file || !existsSync(file)) {
      return new CosmosError('GenericHttpError', `Unexpected down stream http error: GET ${url} 404 Not Found`, 404, {
        method: 'GET',
        uri: url,
        status: 404,
      }).toResponse()
    }
    const bytes = readFileSync(file)
    return new Response(bytes, {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${name}"`,
      },
    })
  }
}
