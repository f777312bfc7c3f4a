import { describe, expect, it } from 'vitest'
import { AGENT_DRAINING, AGENT_PRIVATE, AGENT_PUBLIC, getTasks, maintenanceStatus, stateSummary } from '../../testing/fixtures/mesos.ts'
import { listNodes } from './list-nodes.ts'
import { nodeDetail } from './node-detail.ts'
import { deriveNodeHealth } from './to-node-view.ts'

describe('listNodes', () => {
  it('maps state-summary agents to node views', () => {
    const { nodes, total } = listNodes(stateSummary, maintenanceStatus)
    expect(total).toBe(3)
    const priv = nodes.find((n) => n.id === AGENT_PRIVATE)!
    expect(priv).toMatchObject({
      hostname: '10.0.1.4',
      ip: '10.0.1.4',
      region: 'aws/us-west-2',
      zone: 'aws/us-west-2a',
      public: false,
      health: 'active',
      maintenance: 'none',
      allocated: { cpus: 1.1, mem: 384, disk: 0, gpus: 0 },
      total: { cpus: 4, mem: 14895, disk: 35164, gpus: 0 },
      tasksByState: { TASK_RUNNING: 2, TASK_FAILED: 1 },
      registeredAt: 1764072000123,
    })
    const pub = nodes.find((n) => n.id === AGENT_PUBLIC)!
    expect(pub.public).toBe(true)
    expect(pub.maintenance).toBe('scheduled')
    const drain = nodes.find((n) => n.id === AGENT_DRAINING)!
    expect(drain).toMatchObject({ health: 'draining', maintenance: 'draining', total: { gpus: 2 } })
  })

  it('filters by health, type, zone and text', () => {
    expect(listNodes(stateSummary, maintenanceStatus, { health: 'draining' }).nodes.map((n) => n.id)).toEqual([AGENT_DRAINING])
    expect(listNodes(stateSummary, maintenanceStatus, { type: 'public' }).nodes.map((n) => n.id)).toEqual([AGENT_PUBLIC])
    expect(listNodes(stateSummary, maintenanceStatus, { zone: 'aws/us-west-2b' }).nodes).toHaveLength(2)
    expect(listNodes(stateSummary, maintenanceStatus, { q: '10.0.1.' }).nodes).toHaveLength(2)
    expect(listNodes(stateSummary, maintenanceStatus, { q: 'nope' }).nodes).toHaveLength(0)
  })

  it('derives health from the agent flags', () => {
    expect(deriveNodeHealth({ active: true, deactivated: false })).toBe('active')
    expect(deriveNodeHealth({ active: true, deactivated: true })).toBe('deactivated')
    expect(deriveNodeHealth({ active: false, deactivated: false })).toBe('unreachable')
    expect(deriveNodeHealth({ active: true, deactivated: true, drain_info: { state: 'DRAINED' } })).toBe('draining')
  })
})

describe('nodeDetail', () => {
  it('lists the agent tasks, active first, with framework names and resources', () => {
    const d = nodeDetail(AGENT_PRIVATE, stateSummary, maintenanceStatus, getTasks)
    expect(d.tasks.map((t) => t.state)).toEqual(['TASK_RUNNING', 'TASK_RUNNING', 'TASK_FAILED'])
    expect(d.tasks[0]).toMatchObject({ name: 'prometheus', frameworkName: 'marathon', resources: { cpus: 1, mem: 256 }, updatedAt: 1764072020000 })
    expect(d.tasks[1]).toMatchObject({ name: 'web', healthy: true })
    expect(d.moreTasks).toBe(0)
  })

  it('throws NotFound for an unknown agent', () => {
    expect(() => nodeDetail('nope-S9', stateSummary, maintenanceStatus, getTasks)).toThrow(expect.objectContaining({ kind: 'NotFound' }))
  })
})
