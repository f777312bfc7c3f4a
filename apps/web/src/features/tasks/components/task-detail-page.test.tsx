import { afterEach, describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import type { TaskDetailView } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { renderPageOnBff, type PageOnBff } from '#shared/testing/render-page-on-bff.tsx'
import { TaskDetailPage } from './task-detail-page.tsx'

const routes = [{ path: '/tasks/:taskId', Component: TaskDetailPage }]

const failed: TaskDetailView = {
  id: 'prod_web.instance-11111111-cafe-11ef-9a1c-0242ac110002._app.1',
  name: 'web',
  state: 'TASK_FAILED',
  healthy: false,
  frameworkId: 'fw-marathon',
  frameworkName: 'marathon',
  serviceId: '/prod/web',
  agentId: 'abc-S1',
  host: '10.0.1.4',
  executorId: null,
  resources: { cpus: 0.5, mem: 256, disk: 0, gpus: 0 },
  ports: [{ number: 3000, name: 'http', protocol: 'tcp' }],
  ipAddresses: ['10.0.1.4'],
  container: { type: 'DOCKER', image: 'nginx:1.27' },
  command: 'nginx -g "daemon off;"',
  healthCheck: { type: 'HTTP', target: 'http :3000/health', intervalSeconds: 10 },
  labels: [{ key: 'team', value: 'web' }],
  statuses: [
    { state: 'TASK_RUNNING', timestamp: 1_764_000_000_000, message: null, reason: null, source: 'SOURCE_EXECUTOR', healthy: true },
    { state: 'TASK_FAILED', timestamp: 1_764_000_060_000, message: 'Command exited with status 137', reason: 'REASON_COMMAND_EXECUTOR_FAILED', source: 'SOURCE_EXECUTOR', healthy: null },
  ],
  startedAt: 1_764_000_000_000,
  updatedAt: 1_764_000_060_000,
  sandbox: { directory: null, files: [], error: 'Agent abc-S1 no longer has this task\'s sandbox (garbage-collected)' },
}

let page: PageOnBff | undefined
afterEach(async () => {
  await page?.bff.close()
  page = undefined
})

describe('TaskDetailPage', () => {
  it('shows state, the status history newest first with reasons and messages, placement links and runtime', async () => {
    renderPage({ routes, url: `/tasks/${encodeURIComponent(failed.id)}`, role: 'viewer', bff: { [`GET /api/tasks/${failed.id}`]: failed } })
    expect(await screen.findByRole('heading', { name: /web\s*failed\s*Unhealthy/ })).toBeInTheDocument()
    const history = screen.getByRole('list', { name: 'Status history' })
    const items = within(history).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent(/failed.*REASON_COMMAND_EXECUTOR_FAILED.*Command exited with status 137/)
    expect(items[1]).toHaveTextContent(/running/)
    expect(screen.getByRole('link', { name: '10.0.1.4' })).toHaveAttribute('href', '/nodes/abc-S1')
    expect(screen.getAllByRole('link', { name: '/prod/web' })[0]).toHaveAttribute('href', '/services/detail/prod/web')
    expect(screen.getByText('http 3000/tcp')).toBeInTheDocument()
    expect(screen.getByText('DOCKER · nginx:1.27')).toBeInTheDocument()
    expect(screen.getByText('nginx -g "daemon off;"')).toBeInTheDocument()
    expect(screen.getByText(/garbage-collected/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Logs (stdout)' })).toHaveAttribute('href', `/logs/${encodeURIComponent(failed.id)}`)
  })

  it('shows the 404 of an unknown task as an error, not a blank page', async () => {
    renderPage({ routes, url: '/tasks/nope.1', role: 'viewer', bff: { 'GET /api/tasks/nope.1': () => Response.json({ error: { kind: 'NotFound', message: 'Task nope.1 not found' } }, { status: 404 }) } })
    expect(await screen.findByText('Task nope.1 not found')).toBeInTheDocument()
  })

  it('renders a running task from the real BFF with its sandbox files opening the log viewer', async () => {
    page = await renderPageOnBff({ routes, url: '/tasks/not-launched-yet.1' })
    expect(await screen.findByText('Task not-launched-yet.1 not found')).toBeInTheDocument()
    await page.bff.advance(60_000, 5000)
    const svc = await (await page.bff.viewer.request(`/api/services/${encodeURIComponent('/prod/api/orders')}`)).json()
    const id = svc.taskList.find((x: { state: string }) => x.state === 'TASK_RUNNING').id as string
    await page.router.navigate(`/tasks/${encodeURIComponent(id)}`)
    const files = await screen.findByRole('table', { name: 'Sandbox files' }, { timeout: 5000 })
    expect(within(files).getByRole('link', { name: 'Open stdout in the log viewer' })).toHaveAttribute('href', `/logs/${encodeURIComponent(id)}`)
  })
})
