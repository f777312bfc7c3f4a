import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: ['packages/api', 'packages/cluster', 'apps/bff', 'apps/web', 'bench'],
  },
})
