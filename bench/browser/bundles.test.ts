import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { measureBundles, parseLazyRoutes, routeInitialFiles, type ViteManifest } from './bundles.ts'

const ROUTES = `
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('#features/dashboard/components/dashboard-page.tsx')).DashboardPage }) },
      { path: 'nodes', lazy: async () => ({ Component: (await import('#features/nodes/components/nodes-page.tsx')).NodesPage }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./layout/settings-page.tsx')).SettingsPage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]`

/** Shaped like Vite's .vite/manifest.json: chunk keys, static `imports`, dynamic entries. */
const MANIFEST: ViteManifest = {
  'index.html': { file: 'assets/index-a.js', src: 'index.html', isEntry: true, imports: ['_vendor-b.js'] },
  '_vendor-b.js': { file: 'assets/vendor-b.js' },
  '_table-c.js': { file: 'assets/table-c.js', imports: ['_vendor-b.js', 'index.html'] },
  '_charts-d.js': { file: 'assets/charts-d.js' },
  'src/features/dashboard/components/dashboard-page.tsx': { file: 'assets/dashboard-page-e.js', isDynamicEntry: true, imports: ['index.html'] },
  'src/features/nodes/components/nodes-page.tsx': { file: 'assets/nodes-page-f.js', isDynamicEntry: true, imports: ['_table-c.js', 'index.html'] },
  'src/app/layout/settings-page.tsx': { file: 'assets/settings-page-g.js', isDynamicEntry: true, imports: ['index.html'] },
}

describe('parseLazyRoutes', () => {
  it('maps each lazy child route to its module, resolving # aliases and app-relative imports', () => {
    expect(parseLazyRoutes(ROUTES)).toEqual([
      { route: '/', module: 'src/features/dashboard/components/dashboard-page.tsx' },
      { route: '/nodes', module: 'src/features/nodes/components/nodes-page.tsx' },
      { route: '/settings', module: 'src/app/layout/settings-page.tsx' },
    ])
  })
})

describe('routeInitialFiles', () => {
  it('is the entry and the route chunk with their static imports, each once; dynamic imports are not counted', () => {
    expect(routeInitialFiles(MANIFEST, { route: '/nodes', module: 'src/features/nodes/components/nodes-page.tsx' })).toEqual([
      'assets/index-a.js',
      'assets/vendor-b.js',
      'assets/nodes-page-f.js',
      'assets/table-c.js',
    ])
    expect(routeInitialFiles(MANIFEST, { route: '/', module: 'src/features/dashboard/components/dashboard-page.tsx' })).not.toContain('assets/charts-d.js')
  })

  it('fails loudly when the route table and the build disagree', () => {
    expect(() => routeInitialFiles(MANIFEST, { route: '/jobs', module: 'src/features/jobs/components/jobs-page.tsx' })).toThrow(/no chunk for \/jobs/)
  })
})

describe('measureBundles', () => {
  it('sums gzip sizes of a built dist per route', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bundles-'))
    const dist = path.join(dir, 'dist')
    await mkdir(path.join(dist, '.vite'), { recursive: true })
    await mkdir(path.join(dist, 'assets'))
    await writeFile(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST))
    const body = (f: string) => `/* ${f} */ ` + 'export const x = 1;'.repeat(f.length * 50)
    for (const c of Object.values(MANIFEST)) await writeFile(path.join(dist, c.file), body(c.file))
    await mkdir(path.join(dir, 'src', 'app'), { recursive: true })
    await writeFile(path.join(dir, 'src', 'app', 'routes.tsx'), ROUTES)
    const out = await measureBundles(dist)
    const nodes = out.find((b) => b.route === '/nodes')!
    const gz = (f: string) => gzipSync(Buffer.from(body(f)), { level: 9 }).length
    expect(nodes.initialJsGzipBytes).toBe(['assets/index-a.js', 'assets/vendor-b.js', 'assets/nodes-page-f.js', 'assets/table-c.js'].reduce((s, f) => s + gz(f), 0))
    expect(nodes.initialJsRawBytes).toBe(nodes.files.reduce((s, f) => s + Buffer.byteLength(body(f)), 0))
    expect(out.map((b) => b.route)).toEqual(['/', '/nodes', '/settings'])
  })
})
