import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'bff',
    environment: 'node',
    include: ['src/**/*.test.ts', 'bin/**/*.test.ts'],
    testTimeout: 20_000,
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
})
