import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8080'

/**
 * Tests only: page tests that run the real BFF and embedded cluster in-process load server code
 * through the browser (jsdom) transforms, whose asset plugin rewrites `new URL('…', import.meta.url)`
 * into an http asset URL. Writing the base as `import.meta.url + ''` (same value) keeps those
 * calls out of the plugin's pattern, so the cluster's file lookups (its demo Universe folder)
 * stay on disk, as under Node. (A `@vite-ignore` comment does not survive the TS transform.)
 */
const serverFileUrls: Plugin = {
  name: 'meridian:server-file-urls-in-tests',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/(packages\/cluster|apps\/bff)\/src\//.test(id)) return null
    return code.replace(/(\bnew\s+URL\s*\(\s*(?:'[^']+'|"[^"]+"|`[^`]+`)\s*,\s*import\.meta\.url)(\s*\))/g, "$1 + ''$2")
  },
}

export default defineConfig({
  plugins: [react(), ...(process.env.VITEST ? [serverFileUrls] : [])],
  server: {
    proxy: Object.fromEntries(
      ['/api', '/mesos', '/agent', '/marathon', '/service', '/package', '/cosmos'].map((p) => [p, { target: bff, changeOrigin: true }]),
    ),
  },
  // The manifest lets `pnpm bench` (bench/browser) compute each route's initial JS from the real chunk graph.
  build: { chunkSizeWarningLimit: 900, manifest: true },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
  },
})
