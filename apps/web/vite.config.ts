import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(
      ['/api', '/mesos', '/agent', '/marathon', '/service', '/package', '/cosmos'].map((p) => [p, { target: bff, changeOrigin: true }]),
    ),
  },
  build: { chunkSizeWarningLimit: 900 },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
  },
})
