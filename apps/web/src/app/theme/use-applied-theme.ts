import { useEffect, useSyncExternalStore } from 'react'
import { resolveTheme, useThemeStore } from './theme-store.ts'

const QUERY = '(prefers-color-scheme: dark)'

function subscribe(cb: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {}
  const mq = window.matchMedia(QUERY)
  mq.addEventListener('change', cb)
  return () => mq.removeEventListener('change', cb)
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches
}

/** Resolves the theme and writes it to `<html data-theme>` where the CSS variables switch. */
export function useAppliedTheme(): 'light' | 'dark' {
  const choice = useThemeStore((s) => s.choice)
  const dark = useSyncExternalStore(subscribe, prefersDark, () => false)
  const theme = resolveTheme(choice, dark)
  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.style.colorScheme = theme
  }, [theme])
  return theme
}
