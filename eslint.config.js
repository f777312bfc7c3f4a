import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { defineConfig, globalIgnores } from 'eslint/config'

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
])
