import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { PlansOverviewView, Role } from '@meridian/api'
import { renderPage } from '#shared/testing/render-page.tsx'
import { PlansPage } from './plans-page.tsx'

const overview: PlansOverviewView = {
  services: [
    {
      serviceId: '/cassandra',
      serviceName: 'cassandra',
      error: null,
      plans: [
        {
          service: '/cassandra',
          name: 'deploy',
          status: 'IN_PROGRESS',
          strategy: 'serial',
          errors: [],
          progress: { completeSteps: 1, totalSteps: 3 },
          phases: [
            {
              id: 'p1',
              name: 'node-deploy',
              strategy: 'serial',
              status: 'IN_PROGRESS',
              steps: [
                { id: 's0', name: 'node-0:[server]', status: 'COMPLETE', message: '' },
                { id: 's1', name: 'node-1:[server]', status: 'STARTING', message: 'launching' },
                { id: 's2', name: 'node-2:[server]', status: 'PENDING', message: '' },
              ],
            },
          ],
        },
      ],
    },
  ],
}

function renderPlans(role: Role = 'operator') {
  return renderPage({
    routes: [{ path: '/plans', Component: PlansPage }],
    url: '/plans',
    role,
    bff: {
      'GET /api/plans': overview,
      'POST /api/services//cassandra/plans/deploy/interrupt': { message: 'Received cmd: interrupt', changed: true },
      'POST /api/services//cassandra/plans/deploy/forceComplete': { message: 'Received cmd: forceComplete', changed: true },
    },
  })
}

describe('PlansPage', () => {
  it('shows phases and steps with status and progress', async () => {
    renderPlans()
    const plan = await screen.findByRole('region', { name: '/cassandra plan deploy' })
    expect(within(plan).getByRole('progressbar', { name: 'Progress of deploy' })).toHaveAttribute('aria-valuenow', '33')
    const steps = within(plan).getByRole('list', { name: 'Steps of node-deploy' })
    expect(within(steps).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['node-0:[server]: COMPLETE', 'node-1:[server]: STARTING', 'node-2:[server]: PENDING'])
  })

  it('pauses the plan', async () => {
    const { bff } = renderPlans()
    await userEvent.click(await screen.findByRole('button', { name: 'Pause plan deploy' }))
    await waitFor(() => expect(bff.calls.some((c) => c.path === '/api/services//cassandra/plans/deploy/interrupt')).toBe(true))
  })

  it('force-completes a step only after confirmation, naming phase and step', async () => {
    const { bff } = renderPlans()
    await userEvent.click(await screen.findByRole('button', { name: 'Force complete step node-1:[server]' }))
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Force complete' }))
    await waitFor(() => expect(bff.calls.some((c) => c.path.endsWith('/forceComplete'))).toBe(true))
    const call = bff.calls.find((c) => c.path.endsWith('/forceComplete'))!
    expect(call.method).toBe('POST')
  })

  it('shows no controls to viewers', async () => {
    renderPlans('viewer')
    await screen.findByRole('region', { name: '/cassandra plan deploy' })
    expect(screen.queryByRole('button', { name: /Pause/ })).not.toBeInTheDocument()
  })
})
