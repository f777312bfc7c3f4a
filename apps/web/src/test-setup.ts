import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { useToastStore } from '#shared/ui/toast-store.ts'

// Vitest runs without globals, so Testing Library cannot register its own cleanup; toasts live
// in a module-level store and would leak from one test into the next.
afterEach(() => {
  cleanup()
  useToastStore.setState({ toasts: [] })
})
