import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CatalogPackageDetailView } from '@meridian/api'
import { InstallFlow } from './install-flow.tsx'

const pkg: CatalogPackageDetailView = {
  name: 'cassandra',
  version: '2.10.0-3.11.6',
  versions: ['2.10.0-3.11.6'],
  description: 'Apache Cassandra',
  maintainer: 'support@mesosphere.io',
  tags: ['database'],
  selected: true,
  framework: true,
  website: null,
  preInstallNotes: 'Requires 3 private agents.',
  postInstallNotes: null,
  licenses: [],
  images: null,
  configSchema: {
    type: 'object',
    properties: {
      service: {
        type: 'object',
        description: 'DC/OS service configuration properties',
        properties: {
          name: { type: 'string', description: 'The name of the service instance', default: 'cassandra' },
          log_level: { type: 'string', enum: ['INFO', 'DEBUG'], default: 'INFO' },
        },
        required: ['name'],
      },
      nodes: {
        type: 'object',
        properties: {
          count: { type: 'integer', minimum: 3, default: 3, description: 'Number of nodes' },
          tls: { type: 'boolean', default: false, description: 'Encrypt traffic' },
        },
      },
    },
  },
}

function setup(serverErrors = {}) {
  const onInstall = vi.fn()
  render(<InstallFlow pkg={pkg} pending={false} serverErrors={serverErrors} onInstall={onInstall} onCancel={() => {}} />)
  return { onInstall }
}

describe('InstallFlow', () => {
  it('in raw JSON, says what is wrong with options of the wrong shape instead of doing nothing', async () => {
    const { onInstall } = setup()
    await userEvent.click(screen.getByRole('button', { name: 'Edit raw JSON' }))
    const raw = screen.getByRole('textbox', { name: 'Options (JSON)' })
    await userEvent.clear(raw)
    await userEvent.click(raw)
    await userEvent.paste('{"nodes":{"count":"three"}}')
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('/nodes/count')
    expect(alert).toHaveTextContent('Must be a number')
    // The textarea keeps its name, is marked invalid and described by the list.
    const textarea = screen.getByRole('textbox', { name: 'Options (JSON)' })
    expect(textarea).toHaveAttribute('aria-invalid', 'true')
    expect(textarea).toHaveAccessibleDescription(/\/nodes\/count: Must be a number/)
    expect(onInstall).not.toHaveBeenCalled()
  })

  it('takes the user to the first field to fix after Review', async () => {
    setup()
    const count = within(screen.getByRole('group', { name: 'Nodes' })).getByRole('spinbutton', { name: 'Count' })
    await userEvent.clear(count)
    await userEvent.type(count, '1')
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    await new Promise((r) => requestAnimationFrame(r))
    expect(count).toHaveFocus()
  })

  it('renders nested sections, enums, booleans and numbers from the schema with defaults and help', () => {
    setup()
    const service = screen.getByRole('group', { name: 'Service' })
    expect(within(service).getByRole('textbox', { name: /Name/ })).toHaveValue('cassandra')
    expect(within(service).getByRole('textbox', { name: /Name/ })).toHaveAccessibleDescription('The name of the service instance')
    expect(within(service).getByRole('combobox', { name: /Log level/ })).toHaveValue('INFO')
    const nodes = screen.getByRole('group', { name: 'Nodes' })
    expect(within(nodes).getByRole('spinbutton', { name: 'Count' })).toHaveValue(3)
    expect(within(nodes).getByRole('checkbox', { name: 'Tls' })).not.toBeChecked()
  })

  it('blocks review with per-field errors and installs the edited options after review', async () => {
    const { onInstall } = setup()
    const count = screen.getByRole('spinbutton', { name: 'Count' })
    await userEvent.clear(count)
    await userEvent.type(count, '2')
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    expect(screen.getByText('Must be ≥ 3')).toBeInTheDocument()
    await userEvent.clear(count)
    await userEvent.type(count, '5')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Tls' }))
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    expect(screen.getByText('Requires 3 private agents.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Install cassandra' }))
    expect(onInstall).toHaveBeenCalledWith({ service: { name: 'cassandra', log_level: 'INFO' }, nodes: { count: 5, tls: true } })
  })

  it('keeps edits when switching between the form and raw JSON', async () => {
    setup()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Tls' }))
    await userEvent.click(screen.getByRole('button', { name: 'Edit raw JSON' }))
    const raw = screen.getByRole('textbox', { name: 'Options (JSON)' })
    expect(JSON.parse((raw as HTMLTextAreaElement).value)).toMatchObject({ nodes: { tls: true } })
    await userEvent.clear(raw)
    await userEvent.click(raw)
    await userEvent.paste('{"service":{"name":"cass-2","log_level":"DEBUG"},"nodes":{"count":4,"tls":true}}')
    await userEvent.click(screen.getByRole('button', { name: 'Back to the form' }))
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveValue('cass-2')
    expect(screen.getByRole('spinbutton', { name: 'Count' })).toHaveValue(4)
  })

  it('shows BFF validation errors on the matching field', () => {
    setup({ '/service/name': 'name is already used by /cassandra' })
    expect(screen.getByText('name is already used by /cassandra')).toBeInTheDocument()
  })

  it('has no section nav for a short form', () => {
    setup()
    expect(screen.queryByRole('navigation', { name: 'Form sections' })).not.toBeInTheDocument()
  })

  it('gives a long form a section nav that jumps to each section and marks the ones with errors', async () => {
    const long: CatalogPackageDetailView = {
      ...pkg,
      configSchema: {
        type: 'object',
        properties: {
          ...(pkg.configSchema!.properties as object),
          brokers: { type: 'object', properties: { heap: { type: 'integer', minimum: 512, default: 512 } } },
          security: { type: 'object', properties: { tls: { type: 'boolean', default: false } } },
        },
      },
    }
    render(<InstallFlow pkg={long} pending={false} serverErrors={{}} onInstall={() => {}} onCancel={() => {}} />)
    const nav = screen.getByRole('navigation', { name: 'Form sections' })
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Service', 'Nodes', 'Brokers', 'Security'])
    await userEvent.click(within(nav).getByRole('link', { name: 'Brokers' }))
    expect(screen.getByRole('group', { name: 'Brokers' })).toHaveFocus()

    await userEvent.clear(screen.getByRole('spinbutton', { name: 'Count' }))
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Count' }), '1')
    await userEvent.clear(screen.getByRole('spinbutton', { name: 'Heap' }))
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Heap' }), '64')
    await userEvent.click(screen.getByRole('button', { name: 'Review' }))
    expect(within(nav).getByRole('link', { name: 'Nodes, 1 error' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Brokers, 1 error' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Security' })).toBeInTheDocument()
  })
})
