import { Suspense, useEffect, useLayoutEffect, useState } from 'react'
import { Outlet, useLocation } from 'react-router'
import { LoadingState } from '#shared/ui/state-views.tsx'
import { LiveDegradedBanner } from '#shared/live/live-degraded-banner.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { ThemeToggle } from '../theme/theme-toggle.tsx'
import { Sidebar } from './sidebar.tsx'
import { UserMenu } from './user-menu.tsx'
import { ClusterHealth } from './cluster-health.tsx'
import { CommandPalette } from './command-palette.tsx'

const SECTION: Record<string, string> = { '': 'Dashboard', nodes: 'Nodes', services: 'Services', jobs: 'Jobs', catalog: 'Catalog', plans: 'Plans', tasks: 'Tasks', logs: 'Logs', settings: 'Settings' }

export function AppLayout() {
  const [paletteOpen, setPaletteOpen] = useState(false)
  const { pathname } = useLocation()
  // The section names the tab while a page loads or fails; a page's own header then refines it
  // (layout effects run before the page's passive ones).
  useLayoutEffect(() => {
    const section = SECTION[pathname.split('/')[1] ?? '']
    document.title = section ? `${section} · Meridian` : 'Meridian'
  }, [pathname])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        setPaletteOpen((o) => !o)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Sidebar />
      <header className="header">
        <ClusterHealth />
        <div className="grow" />
        <button type="button" className="palette-trigger" onClick={() => setPaletteOpen(true)} aria-label="Search and jump (Ctrl+K)">
          <Icon name="search" size={15} />
          <span className="grow" style={{ textAlign: 'left' }}>
            Jump to…
          </span>
          <kbd>Ctrl K</kbd>
        </button>
        <ThemeToggle />
        <UserMenu />
      </header>
      <main className="main" id="main" tabIndex={-1}>
        <LiveDegradedBanner />
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      {paletteOpen && <CommandPalette onClose={() => setPaletteOpen(false)} />}
    </div>
  )
}
