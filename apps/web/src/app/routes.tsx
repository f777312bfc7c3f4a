/**
 * Route table. Every page is a lazy route, so each page (and its heavy dependencies such as
 * recharts) is its own chunk and the shell loads fast.
 */
import type { RouteObject } from 'react-router'
import { AppLayout } from './layout/app-layout.tsx'
import { RouteError } from './layout/route-error.tsx'
import { NotFoundPage } from './layout/not-found-page.tsx'
import { LoadingState } from '#shared/ui/state-views.tsx'

/** Shown while a deep link's page chunk loads on first paint (the router waits for lazy routes). */
function FirstLoad() {
  return <LoadingState label="Loading Meridian…" />
}

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: FirstLoad,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('#features/dashboard/components/dashboard-page.tsx')).DashboardPage }) },
      { path: 'nodes', lazy: async () => ({ Component: (await import('#features/nodes/components/nodes-page.tsx')).NodesPage }) },
      { path: 'nodes/:id', lazy: async () => ({ Component: (await import('#features/nodes/components/node-detail-page.tsx')).NodeDetailPage }) },
      { path: 'services', lazy: async () => ({ Component: (await import('#features/services/components/services-page.tsx')).ServicesPage }) },
      { path: 'services/detail/*', lazy: async () => ({ Component: (await import('#features/services/components/service-detail-page.tsx')).ServiceDetailPage }) },
      { path: 'jobs', lazy: async () => ({ Component: (await import('#features/jobs/components/jobs-page.tsx')).JobsPage }) },
      { path: 'jobs/:id', lazy: async () => ({ Component: (await import('#features/jobs/components/job-detail-page.tsx')).JobDetailPage }) },
      { path: 'catalog', lazy: async () => ({ Component: (await import('#features/catalog/components/catalog-page.tsx')).CatalogPage }) },
      { path: 'catalog/:name', lazy: async () => ({ Component: (await import('#features/catalog/components/package-page.tsx')).PackagePage }) },
      { path: 'plans', lazy: async () => ({ Component: (await import('#features/plans/components/plans-page.tsx')).PlansPage }) },
      { path: 'tasks/:taskId', lazy: async () => ({ Component: (await import('#features/tasks/components/task-detail-page.tsx')).TaskDetailPage }) },
      { path: 'logs/:taskId', lazy: async () => ({ Component: (await import('#features/logs/components/logs-page.tsx')).LogsPage }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./layout/settings-page.tsx')).SettingsPage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]
