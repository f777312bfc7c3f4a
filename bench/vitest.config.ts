import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'bench',
    environment: 'node',
    // Only the harness's pure parts; `pnpm bench` itself is a script (bench/run.ts), not a test.
    include: ['lib/**/*.test.ts', 'browser/**/*.test.ts'],
  },
})
