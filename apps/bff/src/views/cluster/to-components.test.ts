import { describe, expect, it } from 'vitest'
import { componentHealth, toComponentNodes, toComponents } from './to-components.ts'

describe('toComponents', () => {
  it("maps dcos-diagnostics' health codes, counts them and puts problems first (by name within)", () => {
    const view = toComponents([
      { id: 'b.service', name: 'Bravo', health: 0, description: 'B' },
      { id: 'a.service', name: 'Alpha', health: 0 },
      { id: 'w.service', name: 'Whiskey', health: 2 },
      { id: 'u.service', name: 'Uniform', health: 1, description: '  ' },
      { id: 'n.service', health: 3 },
      { id: 'x.service', name: 'X-ray', health: 9 },
    ])
    expect(view.components.map((c) => [c.name, c.health])).toEqual([
      ['Uniform', 'unhealthy'],
      ['Whiskey', 'warning'],
      ['n.service', 'unknown'], // no pretty name: the unit id
      ['X-ray', 'unknown'],
      ['Alpha', 'healthy'],
      ['Bravo', 'healthy'],
    ])
    expect(view.counts).toEqual({ healthy: 2, unhealthy: 1, warning: 1, unknown: 2 })
    expect(view.components.find((c) => c.id === 'u.service')?.description).toBeNull()
    expect(componentHealth(-1)).toBe('unknown')
  })

  it("orders a unit's nodes unhealthy first, then by IP, and keeps only known roles", () => {
    const view = toComponentNodes('x.service', [
      { host_ip: '10.0.1.9', health: 0, role: 'agent' },
      { host_ip: '10.0.1.10', health: 1, role: 'agent' },
      { host_ip: '10.0.0.1', health: 0, role: 'master' },
      { host_ip: '10.0.5.4', health: 0, role: 'weird' },
    ])
    expect(view.nodes).toEqual([
      { ip: '10.0.1.10', role: 'agent', health: 'unhealthy' },
      { ip: '10.0.0.1', role: 'master', health: 'healthy' },
      { ip: '10.0.1.9', role: 'agent', health: 'healthy' },
      { ip: '10.0.5.4', role: null, health: 'healthy' },
    ])
    // IPs in numeric order (10.0.1.9 before 10.0.1.10), not text order.
    expect(toComponentNodes('x', [{ host_ip: '10.0.1.10', health: 0 }, { host_ip: '10.0.1.9', health: 0 }]).nodes.map((n) => n.ip)).toEqual(['10.0.1.9', '10.0.1.10'])
  })
})
