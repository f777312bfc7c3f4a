import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import type { DashboardView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { DashboardPage } from './dashboard-page.tsx'

const dash: DashboardView = {
  allocated: { cpus: 19, mem: 10_240, disk: 5120, gpus: 0 },
  total: { cpus: 76, mem: 288_768, disk: 674_816, gpus: 2 },
  history: [
    { at: 1, allocated: { cpus: 10, mem: 1, disk: 1, gpus: 0 }, total: { cpus: 76, mem: 2, disk: 2, gpus: 2 } },
    { at: 2, allocated: { cpus: 19, mem: 1, disk: 1, gpus: 0 }, total: { cpus: 76, mem: 2, disk: 2, gpus: 2 } },
  ],
  tasksByState: { TASK_RUNNING: 15, TASK_FAILED: 2 },
  nodes: { total: 10, healthy: 8, unhealthy: 1, maintenance: 1 },
  services: { total: 7, byStatus: { Running: 5, Deploying: 1, 'Waiting for resources': 1 }, unhealthy: 1 },
  jobs: { total: 3, activeRuns: 1, failedLastRun: 2 },
  plans: { total: 2, inProgress: 1, waiting: 0, errors: 0, active: [{ serviceId: '/cassandra', plan: 'deploy', status: 'IN_PROGRESS', completeSteps: 1, totalSteps: 3 }] },
  degraded: [],
}

describe('DashboardPage', () => {
  it('shows allocation, task states, health summaries and links each card to its filtered list', async () => {
    renderPage({ routes: [{ path: '/', Component: DashboardPage }], url: '/', bff: { 'GET /api/dashboard': dash } })
    expect(await screen.findByRole('figure', { name: 'CPU allocation 25%' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Unhealthy nodes: 1' })).toHaveAttribute('href', '/nodes?health=unreachable')
    expect(screen.getByRole('link', { name: 'Nodes: 10' })).toHaveTextContent('8 healthy · 1 in maintenance')
    expect(screen.getByRole('link', { name: 'Services: 7' })).toHaveTextContent('5 running · 1 deploying · 1 waiting')
    expect(screen.getByRole('link', { name: 'Unhealthy services: 1' })).toHaveAttribute('href', '/services?health=Unhealthy')
    expect(screen.getByRole('link', { name: 'Failing jobs: 2' })).toHaveAttribute('href', '/jobs?status=Failed')
    expect(within(screen.getByRole('list', { name: 'Tasks by state' })).getByLabelText('Failed: 2')).toBeInTheDocument()
    expect(screen.getByLabelText('/cassandra deploy: 1 of 3 steps')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(document.title).toBe('Dashboard · Meridian')
  })

  it('shows a degraded banner when an upstream is missing', async () => {
    renderPage({ routes: [{ path: '/', Component: DashboardPage }], url: '/', bff: { 'GET /api/dashboard': { ...dash, jobs: null, degraded: ['metronome'] } } })
    expect(await screen.findByRole('alert')).toHaveTextContent('metronome could not be reached')
    expect(screen.getByText('Metronome unavailable')).toBeInTheDocument()
  })
})
