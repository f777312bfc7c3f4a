import { beforeAll, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import type { ServiceGroupView } from '@meridian/api'
import { makeService, makeTree } from '../testing/service-fixtures.ts'
import { ServicesTreeTable } from './services-tree-table.tsx'

// jsdom has no layout; give the virtualized scroller a 600 px viewport.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
})

const summary = { services: 10, running: 10, unhealthy: 0, resources: { cpus: 1, mem: 1280, disk: 0, gpus: 0 } }

/** 10,000 services in 1,000 groups of ten under /bench, like the benchmark's load profile. */
function bigTree(): ServiceGroupView {
  const groups = Array.from({ length: 1000 }, (_, g) => {
    const gid = `/bench/g${String(g).padStart(3, '0')}`
    return { id: gid, name: gid.split('/').pop()!, groups: [], summary, services: Array.from({ length: 10 }, (_, i) => makeService(`${gid}/app${String(g * 10 + i + 1).padStart(5, '0')}`)) }
  })
  const bench = { id: '/bench', name: 'bench', groups, services: [], summary: { ...summary, services: 10_000 } }
  return { id: '/', name: '/', groups: [bench], services: [], summary: bench.summary }
}

function renderTable(root: ServiceGroupView, collapsed: ReadonlySet<string> = new Set(), onToggle = vi.fn()) {
  render(
    <MemoryRouter>
      <ServicesTreeTable root={root} collapsed={collapsed} onToggle={onToggle} />
    </MemoryRouter>,
  )
  return { table: screen.getByRole('table', { name: 'Services' }), onToggle }
}

describe('ServicesTreeTable', () => {
  it('renders group and service rows named by id, with status, health and totals', async () => {
    const { onToggle } = renderTable(makeTree().root)
    const api = screen.getByRole('row', { name: '/prod/api' })
    expect(within(api).getByText('Deploying')).toBeInTheDocument()
    expect(within(api).getByText('Unhealthy')).toBeInTheDocument()
    expect(within(api).getByText('1/2')).toBeInTheDocument()
    expect(within(api).getByRole('link', { name: 'api' })).toHaveAttribute('href', '/services/detail/prod/api')
    const prod = screen.getByRole('row', { name: '/prod' })
    expect(within(prod).getByText('1 unhealthy')).toBeInTheDocument()
    await userEvent.click(within(prod).getByRole('button', { name: 'Collapse /prod' }))
    expect(onToggle).toHaveBeenCalledWith('/prod')
  })

  it('keeps a collapsed group’s row and hides its services', () => {
    renderTable(makeTree().root, new Set(['/prod']))
    expect(screen.getByRole('button', { name: 'Expand /prod' })).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('row', { name: '/prod/web' })).not.toBeInTheDocument()
    expect(screen.getByRole('row', { name: '/batch' })).toBeInTheDocument()
  })

  it('puts only a window of 10,000 services in the DOM and follows the scroll', async () => {
    const { table } = renderTable(bigTree())
    // 1 + 1,000 groups + 10,000 services, plus the header row
    expect(table).toHaveAttribute('aria-rowcount', String(11_002))
    const rendered = within(table).getAllByRole('row').length
    expect(rendered).toBeGreaterThan(10)
    expect(rendered).toBeLessThan(100)
    expect(screen.getByRole('row', { name: '/bench/g000/app00001' })).toBeInTheDocument()
    expect(screen.queryByRole('row', { name: '/bench/g999/app10000' })).not.toBeInTheDocument()
    const scroller = table.querySelector('.vt-scroll')!
    await act(async () => {
      scroller.scrollTop = 11_001 * 44 - 600
      fireEvent.scroll(scroller)
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(await screen.findByRole('row', { name: '/bench/g999/app10000' })).toBeInTheDocument()
    expect(screen.queryByRole('row', { name: '/bench/g000/app00001' })).not.toBeInTheDocument()
  })
})
