import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { JobDetailView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { JobDetailPage } from './job-detail-page.tsx'

const job: JobDetailView = {
  id: 'prod.backup',
  description: 'Nightly dump',
  status: 'Running',
  cmd: 'pg_dump',
  image: null,
  resources: { cpus: 0.5, mem: 256, disk: 0, gpus: 0 },
  schedule: { id: 'nightly', cron: '0 2 * * *', timezone: 'UTC', enabled: true, nextRunAt: '2026-11-26T02:00:00Z', concurrencyPolicy: 'ALLOW' },
  activeRuns: [{ id: '20261125120000abcde', jobId: 'prod.backup', status: 'ACTIVE', createdAt: '2026-11-25T12:00:00Z', completedAt: null, tasks: [] }],
  history: { successCount: 1, failureCount: 1, lastSuccessAt: null, lastFailureAt: null },
  labels: {},
  lastRun: { status: 'FAILED', finishedAt: '2026-11-24T02:03:00Z' },
  definition: { id: 'prod.backup', run: { cmd: 'pg_dump', cpus: 0.5, mem: 256 } },
  finishedRuns: [
    { id: '20261124020000aaaaa', status: 'FAILED', createdAt: '2026-11-24T02:00:00Z', finishedAt: '2026-11-24T02:03:00Z', tasks: ['prod_backup_20261124020000aaaaa.0c1b'], durationSeconds: 180 },
    { id: '20261123020000bbbbb', status: 'SUCCESS', createdAt: '2026-11-23T02:00:00Z', finishedAt: '2026-11-23T02:00:42Z', tasks: [], durationSeconds: 42 },
  ],
}

function renderJob() {
  return renderPage({
    routes: [
      { path: '/jobs/:id', Component: JobDetailPage },
      { path: '/jobs', Component: () => <h1>Jobs list</h1> },
    ],
    url: '/jobs/prod.backup',
    role: 'operator',
    bff: {
      'GET /api/jobs/prod.backup': job,
      'POST /api/jobs/prod.backup/runs/20261125120000abcde/stop': { ...job.activeRuns[0], status: 'FAILED' },
      'DELETE /api/jobs/prod.backup': { ok: true },
    },
  })
}

describe('JobDetailPage', () => {
  it('shows run history with outcomes and durations', async () => {
    renderJob()
    const history = await screen.findByRole('table', { name: 'Run history' })
    expect(within(within(history).getByRole('row', { name: 'Run 20261124020000aaaaa' })).getByText('3m')).toBeInTheDocument()
    expect(within(within(history).getByRole('row', { name: 'Run 20261123020000bbbbb' })).getByText('Succeeded')).toBeInTheDocument()
    // A run leads to its task (why it failed) and its logs.
    const failed = within(history).getByRole('row', { name: 'Run 20261124020000aaaaa' })
    expect(within(failed).getByRole('link', { name: 'Task prod_backup_20261124020000aaaaa.0c1b' })).toHaveAttribute('href', '/tasks/prod_backup_20261124020000aaaaa.0c1b')
    expect(within(failed).getByRole('link', { name: 'Logs of prod_backup_20261124020000aaaaa.0c1b' })).toHaveAttribute('href', '/logs/prod_backup_20261124020000aaaaa.0c1b')
  })

  it('stops an active run', async () => {
    const { bff } = renderJob()
    await userEvent.click(await screen.findByRole('button', { name: 'Stop run 20261125120000abcde' }))
    await waitFor(() => expect(bff.calls.some((c) => c.path.endsWith('/stop'))).toBe(true))
  })

  it('deletes after typing the job id, stopping current runs', async () => {
    const { bff, router } = renderJob()
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('dialog')
    await userEvent.type(within(dialog).getByRole('textbox'), 'prod.backup')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete job' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/jobs'))
    const del = bff.calls.find((c) => c.method === 'DELETE')!
    expect(del.path).toBe('/api/jobs/prod.backup')
  })
})
