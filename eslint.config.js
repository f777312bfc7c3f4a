import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { defineConfig, globalIgnores } from 'eslint/config'

// --- import direction (style.md "Module boundaries"): web shared → features → app; bff upstreams → views → routes → app.ts ---
// Aliases are matched by regex: a leading `#` is a comment in the gitignore-style `group`.
// Core `no-restricted-imports` (types count too: a type import is still a dependency); the
// typescript-eslint rule above stays free for the type-only @meridian/bff and @meridian/cluster bans.
// A file gets exactly one block per folder, because a later block's options replace an earlier one's.

/** A relative specifier climbing `levels` directories or more (out of the folder being guarded). */
const climbs = (levels) => `^(\\.\\./){${levels},}`

/** Feature files at each depth below `features/<name>/`: relative imports stay inside the feature. */
const featureBlocks = [1, 2, 3, 4].map((depth) => ({
  files: [`apps/web/src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^#features/', message: 'A feature never imports a feature (not even itself by alias); share through #shared or compose in app/.' },
          { regex: '^#app/', message: 'Imports flow shared → features → app; a feature never imports app/.' },
          { regex: climbs(depth), message: 'Relative imports stay inside the feature; use #shared/* for shared code.' },
        ],
      },
    ],
  },
}))

const importDirection = [
  {
    files: ['apps/web/src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^#(features|app)/', message: 'Imports flow shared → features → app; shared never imports features or app.' },
            { regex: '^(\\.\\./)+(features|app)(/|$)', message: 'Imports flow shared → features → app; shared never imports features or app.' },
          ],
        },
      ],
    },
  },
  ...featureBlocks,
  {
    files: ['apps/bff/src/upstreams/**/*.ts'],
    ignores: ['apps/bff/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(views|loaders|mirror|routes|live|auth)/|^(\\.\\./)+(app|server|server-app)\\.ts$', message: 'Adapters are the bottom layer: upstreams → views → routes → app.ts.' }] },
      ],
    },
  },
  {
    files: ['apps/bff/src/views/**/*.ts'],
    ignores: ['apps/bff/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'hono', message: 'Views are pure functions from upstream data to view models: no Hono.' }],
          patterns: [
            { group: ['hono/*', '@hono/*'], message: 'Views are pure functions from upstream data to view models: no Hono.' },
            { regex: '^(\\.\\./)+(loaders|mirror|routes|live|auth)/|^(\\.\\./)+(app|server|server-app|env)\\.ts$', message: 'Views sit below loaders and routes: upstreams → views → routes → app.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/bff/src/loaders/**/*.ts', 'apps/bff/src/mirror/**/*.ts', 'apps/bff/src/live/**/*.ts', 'apps/bff/src/routes/**/*.ts', 'apps/bff/src/auth/**/*.ts'],
    ignores: ['apps/bff/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(app|server|server-app)\\.ts$', message: 'app.ts composes routes; nothing below it imports it.' }] },
      ],
    },
  },
]

export default defineConfig([
  globalIgnores(['**/node_modules/**', '**/dist/**', '**/.tsbuild/**', '.ci/**', '**/test-results/**', '**/playwright-report/**']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@meridian/bff', message: 'The SPA may only import types from the BFF.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // The BFF reaches the cluster over HTTP only; server.ts alone may start the embedded cluster.
    files: ['apps/bff/src/**/*.ts'],
    ignores: ['apps/bff/src/server.ts', 'apps/bff/src/**/*.test.ts', 'apps/bff/src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@meridian/cluster', message: 'Reach the cluster through an upstream adapter over HTTP.' }] },
      ],
    },
  },
  ...importDirection,
])
