import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { PodsListView, Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { makeServiceDetail } from '../testing/service-fixtures.ts'
import { ServiceDetailPage } from './service-detail-page.tsx'

const broker = (i: number, state: 'TASK_RUNNING' | 'TASK_KILLED') => ({
  name: `kafka-${i}-broker`,
  id: `kafka-${i}-broker__0c1b4c59-9a4e-6d9f-5d2b-${i}`,
  state,
  healthy: state === 'TASK_RUNNING' ? true : null,
  agentId: `a1b2-S${i}`,
  host: `10.0.1.${10 + i}`,
  resources: { cpus: 1, mem: 2048, disk: 5000, gpus: 0 },
  updatedAt: 1_764_000_000_000,
})
const pods: PodsListView = {
  service: '/kafka',
  pods: [
    { name: 'kafka-0', type: 'kafka', tasks: [broker(0, 'TASK_RUNNING')] },
    { name: 'kafka-1', type: 'kafka', tasks: [broker(1, 'TASK_KILLED')] },
    { name: 'kafka-2', type: 'kafka', tasks: [] },
  ],
}

function renderKafka(role: Role, podsAnswer: unknown = pods) {
  const detail = makeServiceDetail({ id: '/kafka', name: 'kafka', sdk: true, package: { name: 'kafka', version: '2.9.0' } })
  return renderPage({
    routes: [{ path: '/services/detail/*', Component: ServiceDetailPage }],
    url: '/services/detail/kafka',
    role,
    bff: {
      'GET /api/services//kafka': detail,
      'GET /api/services//kafka/pods': podsAnswer,
      'POST /api/services//kafka/pods/kafka-1/restart': { pod: 'kafka-1', tasks: ['kafka-1-broker'] },
      'POST /api/services//kafka/pods/kafka-0/replace': { pod: 'kafka-0', tasks: ['kafka-0-broker'] },
    },
  })
}

describe('Pods tab of an SDK service', () => {
  it('waits for a scheduler that does not answer yet instead of showing an error', async () => {
    renderKafka('viewer', () => Response.json({ error: { kind: 'NotFound', message: 'The service scheduler answered 404', upstream: { name: 'sdk', status: 404 } } }, { status: 404 }))
    expect(await screen.findByText('Waiting for the scheduler')).toBeInTheDocument()
    expect(screen.getByText(/not answering yet \(The service scheduler answered 404\)/)).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('opens first and lists each pod with its tasks, state, host and links to task detail and node', async () => {
    renderKafka('viewer')
    expect(await screen.findByRole('tab', { name: 'Pods' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tab', { name: /^Scheduler/ })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: 'Pods' })
    const k0 = within(table).getByRole('rowgroup', { name: 'kafka-0' })
    expect(within(k0).getByRole('link', { name: 'Details of kafka-0-broker' })).toHaveAttribute('href', `/tasks/${encodeURIComponent(broker(0, 'TASK_RUNNING').id)}`)
    expect(within(k0).getByRole('link', { name: '10.0.1.10' })).toHaveAttribute('href', '/nodes/a1b2-S0')
    expect(within(k0).getByText('running')).toBeInTheDocument()
    expect(within(within(table).getByRole('rowgroup', { name: 'kafka-1' })).getByText('killed')).toBeInTheDocument()
    expect(within(within(table).getByRole('rowgroup', { name: 'kafka-2' })).getByText('No tasks launched yet.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Restart kafka/ })).not.toBeInTheDocument()
  })

  it('restarts a pod after confirmation', async () => {
    const { bff } = renderKafka('operator')
    await userEvent.click(await screen.findByRole('button', { name: 'Restart kafka-1' }))
    const dialog = screen.getByRole('dialog', { name: 'Restart kafka-1?' })
    expect(bff.calls.some((c) => c.method === 'POST')).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restart pod' }))
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')?.path).toBe('/api/services//kafka/pods/kafka-1/restart'))
    expect(await screen.findByText('Restart: kafka-1')).toBeInTheDocument()
  })

  it('replaces a pod only once its name is typed', async () => {
    const { bff } = renderKafka('operator')
    await userEvent.click(await screen.findByRole('button', { name: 'Replace kafka-0' }))
    const dialog = screen.getByRole('dialog', { name: 'Replace kafka-0?' })
    const confirm = within(dialog).getByRole('button', { name: 'Replace pod' })
    expect(confirm).toBeDisabled()
    await userEvent.type(within(dialog).getByRole('textbox'), 'kafka-0')
    await userEvent.click(confirm)
    await waitFor(() => expect(bff.calls.find((c) => c.method === 'POST')?.path).toBe('/api/services//kafka/pods/kafka-0/replace'))
  })
})
