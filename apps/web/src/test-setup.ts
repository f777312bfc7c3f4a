import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'
import { cleanup, configure } from '@testing-library/react'
import { useToastStore } from '#shared/ui/toast-store.ts'

// CI machines have two cores shared by every test project; Testing Library's default 1 s for
// findBy/waitFor is too tight for a lazy route plus a query round-trip there, and flakes.
configure({ asyncUtilTimeout: 5000 })

// Vitest runs without globals, so Testing Library cannot register its own cleanup; toasts live
// in a module-level store and would leak from one test into the next.
afterEach(() => {
  cleanup()
  useToastStore.setState({ toasts: [] })
})
