import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { JobsListView, JobView, Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { JobsPage } from './jobs-page.tsx'

function job(id: string, patch: Partial<JobView> = {}): JobView {
  return {
    id,
    description: null,
    status: 'Scheduled',
    cmd: 'pg_dump > /backup',
    image: null,
    resources: { cpus: 0.5, mem: 256, disk: 0, gpus: 0 },
    schedule: { id: 'nightly', cron: '0 2 * * *', timezone: 'UTC', enabled: true, nextRunAt: '2026-11-26T02:00:00Z', concurrencyPolicy: 'ALLOW' },
    activeRuns: [],
    history: { successCount: 10, failureCount: 1, lastSuccessAt: null, lastFailureAt: null },
    labels: {},
    lastRun: { status: 'SUCCESS', finishedAt: '2026-11-25T02:00:40Z' },
    ...patch,
  }
}

const list: JobsListView = { jobs: [job('prod.backup'), job('adhoc.report', { status: 'Failed', schedule: null, lastRun: { status: 'FAILED', finishedAt: '2026-11-25T01:00:00Z' } })] }

function renderJobs(url = '/jobs', role: Role = 'operator') {
  return renderPage({
    routes: [{ path: '/jobs', Component: JobsPage }],
    url,
    role,
    bff: { 'GET /api/jobs': list, 'POST /api/jobs/prod.backup/runs': { id: 'r1', jobId: 'prod.backup', status: 'STARTING', createdAt: '2026-11-25T12:00:00Z', completedAt: null, tasks: [] }, 'POST /api/jobs': { ok: true } },
  })
}

describe('JobsPage', () => {
  it('lists jobs with a human-readable schedule and last outcome', async () => {
    renderJobs()
    const row = await screen.findByRole('row', { name: 'prod.backup' })
    expect(within(row).getByText('At 02:00, every day')).toBeInTheDocument()
    expect(within(row).getByText('10 / 1')).toBeInTheDocument()
    expect(within(screen.getByRole('row', { name: 'adhoc.report' })).getByText('On demand')).toBeInTheDocument()
  })

  it('filters by status from the URL', async () => {
    renderJobs('/jobs?status=Failed')
    await screen.findByRole('row', { name: 'adhoc.report' })
    expect(screen.queryByRole('row', { name: 'prod.backup' })).not.toBeInTheDocument()
  })

  it('runs a job now', async () => {
    const { bff } = renderJobs()
    await userEvent.click(await screen.findByRole('button', { name: 'Run prod.backup now' }))
    await waitFor(() => expect(bff.calls.some((c) => c.method === 'POST' && c.path === '/api/jobs/prod.backup/runs')).toBe(true))
  })

  it('previews the cron schedule while typing and rejects an invalid one', async () => {
    const { bff } = renderJobs()
    await userEvent.click(await screen.findByRole('button', { name: 'Create job' }))
    const cron = screen.getByRole('textbox', { name: 'Schedule (cron, UTC)' })
    await userEvent.type(cron, '*/15 * * * *')
    expect(cron).toHaveAccessibleDescription(/^Every 15 minutes/)
    await userEvent.clear(cron)
    await userEvent.type(cron, '99 * * * *')
    expect(cron).toHaveAccessibleDescription('Invalid minute field "99"')
    await userEvent.click(screen.getByRole('button', { name: 'Save job' }))
    expect(bff.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    await userEvent.clear(cron)
    await userEvent.type(cron, '0 3 * * 1')
    await userEvent.click(screen.getByRole('button', { name: 'Save job' }))
    await waitFor(() => expect(bff.calls.find((c) => c.path === '/api/jobs' && c.method === 'POST')?.body).toMatchObject({ id: 'my-job', schedules: [{ cron: '0 3 * * 1' }] }))
  })

  it('hides write actions from viewers', async () => {
    renderJobs('/jobs', 'viewer')
    await screen.findByRole('row', { name: 'prod.backup' })
    expect(screen.queryByRole('button', { name: 'Create job' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Run .* now/ })).not.toBeInTheDocument()
  })
})
